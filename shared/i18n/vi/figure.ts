/** Declared figures (số liệu kê khai): checks at entry, export, import and consolidation. */
export const figure = {
  'figure.unknown': 'Số liệu mã {code} không có trong bộ tiêu chí (giá trị {value}).',
  'figure.not_boolean': 'Số liệu {code} “{title}” chỉ nhận Có hoặc Không; giá trị {value} không hợp lệ.',
  'figure.not_number': 'Số liệu {code} “{title}” phải là một số; giá trị {value} không hợp lệ.',
  'figure.not_count': 'Số liệu {code} “{title}” phải là số nguyên không âm; giá trị {value} không hợp lệ.',
  'figure.not_text': 'Số liệu {code} “{title}” phải là văn bản (tối đa 5.000 ký tự); giá trị {value} không hợp lệ.',
  'figure.below_min': 'Số liệu {code} “{title}” không được nhỏ hơn {min}; giá trị {value} không hợp lệ.',
  'figure.above_max': 'Số liệu {code} “{title}” không được lớn hơn {max}; giá trị {value} không hợp lệ.',
} as const;
