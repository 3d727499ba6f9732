/** Messages of the workspace services that sit between the CLI/UI and the cycle (keys start with "service."). */
export const service = {
  'service.no_campaign': 'Thư mục làm việc chưa có đợt đánh giá. Tạo bằng lệnh: parscore campaign create',
  'service.no_identity': 'Thư mục làm việc chưa có khóa ký của Sở Nội vụ. Tạo bằng lệnh: parscore campaign create',
  'service.not_home_affairs': 'Thao tác này chỉ làm được trong thư mục làm việc của Sở Nội vụ.',
  'service.results_invalid': 'Kết quả tổng hợp không khớp lược đồ đã công bố ({detail}).',
  'service.history_invalid': 'Tệp kết quả năm trước không hợp lệ.',
  'service.file.scoreboard': 'Bảng tổng hợp kết quả chấm điểm',
  'service.file.ranking': 'Xếp hạng theo nhóm',
  'service.file.areas': 'Phân tích theo lĩnh vực',
  'service.file.iso': 'Tổng hợp áp dụng ISO 9001',
  'service.file.indicators': 'Số liệu chủ yếu về cải cách hành chính',
  'service.file.commendation': 'Danh sách đề nghị khen thưởng',
  'service.file.comparison': 'So sánh qua các năm',
  'service.file.everything': 'Toàn bộ dữ liệu chấm điểm',
  'service.file.agencies_dir': 'Báo cáo tự đánh giá của các cơ quan',
} as const;
