/** Declared figures (số liệu kê khai): checks at entry, export, import and consolidation. */
export const figure = {
  'figure.unknown': 'Số liệu mã {code} không có trong bộ tiêu chí (giá trị {value}).',
  'figure.not_boolean': 'Số liệu {code} “{title}” chỉ nhận Có hoặc Không; giá trị {value} không hợp lệ.',
  'figure.not_number': 'Số liệu {code} “{title}” phải là một số; giá trị {value} không hợp lệ.',
  'figure.not_count': 'Số liệu {code} “{title}” phải là số nguyên không âm; giá trị {value} không hợp lệ.',
  'figure.not_text': 'Số liệu {code} “{title}” phải là văn bản (tối đa 5.000 ký tự); giá trị {value} không hợp lệ.',
  'figure.below_min': 'Số liệu {code} “{title}” không được nhỏ hơn {min}; giá trị {value} không hợp lệ.',
  'figure.above_max': 'Số liệu {code} “{title}” không được lớn hơn {max}; giá trị {value} không hợp lệ.',
  'figure.tie_yes_item_zero': 'Số liệu {code} “{title}” kê khai “Có” nhưng mục {item} gắn với nó được 0/{max} điểm: hai bên không khớp.',
  'figure.tie_no_item_full': 'Số liệu {code} “{title}” kê khai “Không” nhưng mục {item} gắn với nó đạt đủ {score}/{max} điểm: hai bên không khớp.',
  'results.figure_shared_differs': 'Số liệu {code} “{title}” là một giá trị chung cho cả khối ({shared}); cơ quan, đơn vị này kê khai {value}.',
  'results.figure_shared_tie': 'Số liệu {code} “{title}”: nhiều giá trị được kê khai bằng nhau; lấy giá trị nhỏ nhất ({shared}) làm giá trị chung của khối.',
  'results.headline_no_figure': 'Số liệu tổng hợp {code} “{headline}”: khối {groupName} không có số liệu {indicator}; phần này để trống.',
  'results.headline_not_additive': 'Số liệu tổng hợp {code} “{headline}”: số liệu {indicator} của khối {groupName} là số bình quân, không cộng được; phần này để trống.',
} as const;
