/**
 * Messages of "nothing lost in silence" (keys start with "wsafe."): documents the workspace records
 * but cannot give, repairs the CLI reports, `workspace check`, `backup` and `restore`.
 */
export const wsafe = {
  'wsafe.results_incomplete':
    'Chưa tổng hợp kết quả: {n} tài liệu mà thư mục làm việc đã ghi nhận bị thiếu hoặc không đọc được (liệt kê dưới đây). Hãy khôi phục chúng; hoặc chạy lại với --allow-missing để tổng hợp kết quả chưa đầy đủ (ghi rõ trong results.json và trong mọi báo cáo).',
  'wsafe.doc_missing_assessment':
    'Thiếu bản tự đánh giá của cơ quan đã nộp hồ sơ (lần {revision}): cơ quan này sẽ bị loại khỏi xếp hạng. Khôi phục tệp từ bản sao lưu (parscore workspace restore), hoặc đề nghị cơ quan gửi lại hồ sơ (một lần gửi mới) rồi nhập (parscore import); tệp đã nhận {received} vẫn giữ để đối chiếu.',
  'wsafe.doc_missing_nominations':
    'Thiếu danh sách đề nghị khen thưởng nhận cùng hồ sơ (lần {revision}): các đề nghị của cơ quan sẽ không được xét. Khôi phục tệp từ bản sao lưu, hoặc đề nghị cơ quan gửi lại hồ sơ (một lần gửi mới) rồi nhập; tệp đã nhận {received} vẫn giữ để đối chiếu.',
  'wsafe.doc_missing_appraisal': 'Thiếu kết quả thẩm định của cơ quan đã vào bước thẩm định: điểm thẩm định sẽ không được tính. Khôi phục tệp từ bản sao lưu (parscore workspace restore).',
  'wsafe.doc_missing_survey':
    'Thiếu kết quả khảo sát xã hội học dù nhật ký ghi đã nhập khảo sát: mọi điểm khảo sát sẽ mất. Khôi phục tệp từ bản sao lưu, hoặc nhập lại các tệp khảo sát (parscore survey import).',
  'wsafe.doc_unreadable': 'Tệp không đọc được (chi tiết ở dòng sau). Khôi phục tệp từ bản sao lưu; với bản tự đánh giá, có thể nhập một lần gửi mới của cơ quan (parscore import).',
  'wsafe.report_incomplete': 'KẾT QUẢ CHƯA ĐẦY ĐỦ (tổng hợp với --allow-missing): thiếu hoặc không đọc được {list}.',
  'wsafe.report_incomplete_more': '{list} và {n} tài liệu khác',

  'wsafe.opt.allow_missing': 'vẫn tổng hợp khi thiếu hoặc không đọc được tài liệu đã ghi nhận (kết quả ghi rõ là chưa đầy đủ)',
  'wsafe.cli.warning': 'Cảnh báo: {text}',
  'wsafe.cli.description': 'kiểm tra, sao lưu và khôi phục một thư mục làm việc',
  'wsafe.cli.check.description': 'kiểm tra mọi tệp của thư mục làm việc (chỉ đọc, không sửa gì); mã thoát 1 khi có vấn đề',
  'wsafe.cli.backup.description': 'sao lưu thư mục làm việc vào một tệp (zip có bản kê SHA-256), trong lúc giữ khóa thư mục',
  'wsafe.cli.restore.description': 'khôi phục bản sao lưu vào một thư mục trống hoặc mới, sau khi kiểm tra từng tệp theo bản kê',
  'wsafe.opt.json': 'in kết quả dạng JSON',
  'wsafe.opt.backup_out': 'tệp sao lưu sẽ ghi (chưa có)',
  'wsafe.arg.backup_file': 'tệp sao lưu (do parscore workspace backup tạo)',
  'wsafe.arg.restore_dir': 'thư mục trống hoặc mới để khôi phục vào',
  'wsafe.cli.repaired': 'Khi mở thư mục làm việc đã phát hiện và xử lý:',

  'wsafe.check.clean': 'Thư mục làm việc {dir}: đã kiểm tra {files} tệp, không có vấn đề nào.',
  'wsafe.check.found': 'Thư mục làm việc {dir}: đã kiểm tra {files} tệp, có {n} vấn đề:',
  'wsafe.check.fix': 'Cách xử lý: {fix}',
  'wsafe.fix.restore': 'khôi phục tệp từ bản sao lưu của thư mục làm việc (parscore workspace restore).',
  'wsafe.fix.reimport': 'khôi phục từ bản sao lưu (parscore workspace restore), hoặc nhập một lần gửi mới của cơ quan (parscore import); tệp đã nhận {received} vẫn giữ để đối chiếu.',
  'wsafe.fix.survey': 'nhập lại các tệp khảo sát (parscore survey import), hoặc khôi phục survey.json từ bản sao lưu.',
  'wsafe.fix.keys': 'khôi phục thư mục keys/ từ bản sao lưu; đừng tạo khóa mới: các cơ quan đã ghi nhận khóa hiện tại.',
  'wsafe.fix.audit': 'khôi phục audit.jsonl từ bản sao lưu; không sửa nhật ký bằng tay.',
  'wsafe.fix.older_log': 'không cần làm gì: các dòng ghi từ nay đều được nối chuỗi.',
  'wsafe.fix.received': 'lấy lại tệp đúng như đã nhận (thư điện tử gốc của cơ quan) hoặc khôi phục từ bản sao lưu.',
  'wsafe.fix.evidence': 'nhập lại tệp hồ sơ của cơ quan có minh chứng này, hoặc khôi phục từ bản sao lưu.',
  'wsafe.check.received_missing': 'Tệp hồ sơ đã tiếp nhận (lần {revision}) không còn trong thư mục làm việc.',
  'wsafe.check.received_changed': 'Tệp hồ sơ đã tiếp nhận không còn như lúc nhận: SHA-256 hiện là {actual}, sổ ghi {expected}.',
  'wsafe.check.template_missing': 'Không có tệp bộ tiêu chí {id} mà đợt đánh giá dùng.',
  'wsafe.check.evidence_damaged': 'Tệp minh chứng bị hỏng: nội dung không khớp mã SHA-256 là tên tệp.',
  'wsafe.check.keys_missing': 'Thư mục làm việc ghi khóa ký (dấu vân tay {fingerprint}) nhưng không có tệp khóa.',
  'wsafe.check.keys_other': 'Khóa trong keys/ (dấu vân tay {actual}) không phải khóa ghi trong workspace.json ({expected}).',
  'wsafe.check.audit_break': 'Dòng {line} của nhật ký thẩm định không nối tiếp dòng trước nó: một dòng đã bị sửa, xóa hoặc đổi chỗ từ dòng {line} trở về trước.',
  'wsafe.check.audit_unchained_after': 'Dòng {line} của nhật ký thẩm định không có mã nối chuỗi dù ghi sau các dòng đã nối chuỗi: dòng này đã bị sửa hoặc chèn thêm.',
  'wsafe.check.audit_older': 'Nhật ký thẩm định có {n} dòng đầu ghi theo phiên bản cũ, chưa nối chuỗi (nhật ký cũ): không kiểm tra được các dòng này có bị sửa hay không.',

  'wsafe.backup.done': 'Đã sao lưu {files} tệp của thư mục làm việc vào {file} (SHA-256 của bản sao lưu: {sha}).',
  'wsafe.backup.out_exists': 'Tệp {file} đã có; chọn tên khác để không ghi đè.',
  'wsafe.backup.out_inside': 'Không ghi bản sao lưu vào trong chính thư mục làm việc; chọn chỗ khác.',
  'wsafe.restore.done': 'Đã khôi phục {files} tệp vào {dir}; mọi tệp khớp bản kê SHA-256 của bản sao lưu.',
  'wsafe.restore.not_backup': 'Tệp không phải bản sao lưu thư mục làm việc ParScore ({detail}); chưa ghi gì.',
  'wsafe.restore.no_manifest': 'Bản sao lưu không có bản kê parscore-backup.json; chưa ghi gì.',
  'wsafe.restore.entry_damaged': 'Tệp {name} trong bản sao lưu bị hỏng: SHA-256 không khớp bản kê; chưa ghi gì.',
  'wsafe.restore.entry_missing': 'Bản sao lưu thiếu tệp {name} có trong bản kê; chưa ghi gì.',
  'wsafe.restore.entry_extra': 'Bản sao lưu có tệp {name} không có trong bản kê; chưa ghi gì.',
  'wsafe.restore.entry_unsafe': 'Tên tệp {name} trong bản sao lưu không dùng được (ra ngoài thư mục); chưa ghi gì.',
  'wsafe.restore.failed': 'Không ghi được {dir} ({detail}); các tệp đã chép dở đã được xóa.',
} as const;
