/** Messages of the template domain (keys start with "template."). */
export const template = {
  'template.duplicate_item_code': 'Mã mục {code} bị trùng: mỗi mục phải có một mã riêng.',
  'template.duplicate_indicator_code': 'Mã số liệu kê khai {code} bị trùng.',
  'template.duplicate_bonus_code': 'Mã điểm thưởng {code} bị trùng.',
  'template.duplicate_penalty_code': 'Mã điểm trừ {code} bị trùng.',
  'template.duplicate_variable': 'Biến {name} được khai báo nhiều lần trong công thức.',
  'template.parent_not_found': 'Không có mục cha {parent} trong bộ tiêu chí.',
  'template.parent_cycle': 'Quan hệ mục cha – mục con bị vòng lặp: {cycle}.',
  'template.leaf_without_rule': 'Mục không có mục con nên phải có cách tính điểm (rule).',
  'template.parent_with_rule':
    'Mục có mục con được tính bằng tổng điểm các mục con, không được có cách tính điểm riêng (rule).',
  'template.children_exceed_max': 'Tổng điểm tối đa của các mục con ({sum}) vượt điểm tối đa của mục ({max}).',
  'template.roots_max_mismatch':
    'Tổng điểm tối đa của các lĩnh vực ({sum}) không bằng tổng điểm của bộ tiêu chí ({maxPoints}).',
  'template.band_above_max': 'Ngưỡng cho {points} điểm, vượt điểm tối đa của mục ({max}).',
  'template.bands_not_descending':
    'Các ngưỡng phải xếp từ cao xuống thấp và không trùng nhau: ngưỡng {min}% phải nhỏ hơn ngưỡng đứng trước ({previous}%).',
  'template.step_above_max': 'Bước điểm {step} lớn hơn điểm tối đa của mục ({max}).',
  'template.variable_min_above_max': 'Biến {name} có giá trị nhỏ nhất ({min}) lớn hơn giá trị lớn nhất ({max}).',
  'template.survey_rule_not_survey':
    'Cách tính SURVEY chỉ dùng cho mục chấm qua điều tra xã hội học (survey = true).',
  'template.survey_item_without_survey_rule':
    'Mục chấm qua điều tra xã hội học phải dùng cách tính SURVEY (đang là {rule}).',
  'template.survey_parent_mixed':
    'Mục chấm qua điều tra xã hội học có mục con {child} không chấm qua điều tra xã hội học.',
  'template.na_on_survey': 'Mục chấm qua điều tra xã hội học không được cho chọn “Không áp dụng”.',
  'template.indicator_aggregate_mismatch':
    'Cách tổng hợp {aggregate} không dùng được cho số liệu kiểu {type} (SUM, AVERAGE, SHARED cho số và số đếm; COUNT_YES cho có/không; văn bản chỉ dùng NONE).',
  'template.indicator_item_not_found': 'Số liệu kê khai gắn với mục {item}, nhưng bộ tiêu chí không có mục này.',
  'template.indicator_range_not_number': 'Chỉ số liệu kiểu số hoặc số đếm mới có giá trị nhỏ nhất, lớn nhất; số liệu này kiểu {type}.',
  'template.indicator_min_above_max': 'Giá trị nhỏ nhất ({min}) lớn hơn giá trị lớn nhất ({max}).',
  'template.indicator_count_max_negative': 'Số đếm không âm nên giá trị lớn nhất không thể là {max}.',
  'template.indicator_template_without_item': 'Số liệu nêu bộ tiêu chí {itemTemplate} nhưng chưa nêu mục gắn với nó.',
  'template.indicator_item_template_missing': 'Số liệu gắn với một mục của bộ tiêu chí {itemTemplate}, nhưng khối này không được đánh giá theo bộ tiêu chí đó.',
  'template.indicator_item_not_found_in': 'Số liệu gắn với mục {item} của bộ tiêu chí {itemTemplate}, nhưng bộ tiêu chí đó không có mục này.',
  'template.duplicate_applies_to': 'Nhóm cơ quan {group} bị lặp trong danh sách áp dụng.',
} as const;
