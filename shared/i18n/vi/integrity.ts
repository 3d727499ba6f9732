/** Integrity of the agency's signed self-assessment and damaged files in the overview (keys "integrity.*"). */
export const integrity = {
  'integrity.received_read_only':
    'Bản tự đánh giá đã nhận của cơ quan {agency} là hồ sơ có chữ ký của cơ quan; Sở Nội vụ không sửa được phần tự đánh giá, chỉ chấm điểm thẩm định và ghi ý kiến.',
  'integrity.other_agency': 'Thư mục làm việc này là của cơ quan {self}; không nhập được bản tự đánh giá của cơ quan {agency}.',
  'integrity.cycle_closed': 'Sở Nội vụ đã gửi kết quả thẩm định cuối cùng; bản tự đánh giá đã khép lại, không sửa được nữa.',
  'integrity.past_deadline': 'Đã quá hạn tự đánh giá ({day}); bản tự đánh giá chỉ xem được.',
  'integrity.past_explanation_deadline': 'Đã quá hạn giải trình ({day}); bản tự đánh giá chỉ xem được.',
  'integrity.read_only_title': 'Chỉ xem',
  'integrity.damaged': 'Tệp hỏng',
  'integrity.problem_action': 'Chạy “parscore workspace check” để xem tệp nào có vấn đề và cách xử lý.',
  'integrity.damaged_action':
    'Tệp tự đánh giá của cơ quan này không đọc được và không có bản sao lưu tốt. Chạy “parscore workspace check” để xem chi tiết, rồi tiếp nhận lại hồ sơ đã ký của cơ quan (parscore import) hoặc khôi phục từ bản sao lưu thư mục làm việc.',
  'integrity.late_rank_flagged': 'Hồ sơ gửi sau hạn vẫn được xếp hạng nhưng được đánh dấu nộp muộn.',
  'integrity.late_not_ranked': 'Hồ sơ gửi sau hạn không được xếp hạng (theo quy định của đợt đánh giá).',
  'integrity.late_penalty': 'Hồ sơ gửi sau hạn bị trừ {points} điểm khi xếp hạng.',
  'integrity.continue_late': 'Tiếp tục nhập để gửi muộn',
  'integrity.continue_late_confirm': 'Đã quá hạn. {consequence} Vẫn tiếp tục nhập và gửi muộn?',
  'integrity.continue_late_ok': 'Tiếp tục, gửi muộn',
  'integrity.continuing_late': 'Đang nhập sau hạn: hồ sơ sẽ được gửi muộn. {consequence}',
} as const;
