/** Messages of the store domain (keys start with "store."). */
export const store = {
  'store.not_workspace': 'Thư mục {dir} không phải là thư mục làm việc ParScore (không có tệp workspace.json hợp lệ).',
  'store.already_workspace': 'Thư mục {dir} đã là một thư mục làm việc ParScore; hãy mở nó thay vì tạo mới.',
  'store.folder_not_empty': 'Thư mục {dir} không trống; hãy chọn một thư mục trống để tạo thư mục làm việc mới.',
  'store.locked':
    'Thư mục làm việc {dir} đang được mở để ghi bởi tiến trình {pid} trên máy {hostname} (từ {when}). Hãy đóng ParScore ở đó, hoặc mở ở chế độ chỉ đọc.',
  'store.locked_elsewhere':
    'Thư mục làm việc {dir} đang được mở trên máy {hostname} (từ {when}); máy này không kiểm tra được ParScore ở đó còn chạy hay không. Hãy đóng ParScore trên máy {hostname} rồi mở lại. Chỉ chọn "Vẫn mở" khi chắc chắn ParScore ở đó đã tắt (máy bị tắt đột ngột): hai nơi cùng ghi sẽ làm hỏng dữ liệu.',
  'store.lock_copied':
    'Thư mục làm việc {dir} được sao chép từ {from} trong lúc đang mở trên máy {hostname} (từ {when}), nên mang theo tệp khóa của bản gốc. ParScore đã mở bản sao này. Hãy kiểm tra đây đúng là bản cần làm việc: những gì nhập ở bản gốc sau lúc sao chép không có ở đây.',
  'store.lock_forced':
    'Thư mục làm việc {dir} đã được mở dù tệp khóa cho biết nó đang mở trên máy {hostname} (tiến trình {pid}, từ {when}). Nếu ParScore ở đó vẫn chạy, hãy đóng nó ngay để tránh hai nơi cùng ghi.',
  'store.lock_unreadable':
    'Thư mục làm việc {dir} đang bị một tiến trình khác khóa (chưa đọc được tệp khóa .parscore.lock). Hãy thử lại sau ít giây.',
  'store.lock_failed': 'Không tạo được tệp khóa trong thư mục {dir} ({detail}).',
  'store.closed': 'Thư mục làm việc {dir} đã đóng.',
  'store.read_only': 'Thư mục làm việc đang mở ở chế độ chỉ đọc nên không thể ghi.',
  'store.read_failed': 'Không đọc được tệp ({detail}).',
  'store.write_failed': 'Không ghi được tệp ({detail}); nội dung cũ trên đĩa vẫn còn nguyên.',
  'store.sync_failed': 'Đã ghi tệp nhưng hệ điều hành không xác nhận được việc lưu xuống đĩa ({detail}); hãy kiểm tra ổ đĩa.',
  'store.invalid_document': 'Tài liệu không hợp lệ nên không được lưu; tệp trên đĩa không bị thay đổi.',
  'store.empty_file': 'Tệp trống, không có nội dung.',
  'store.not_utf8': 'Tệp không phải văn bản UTF-8 hợp lệ.',
  'store.recovered':
    'Tệp bị hỏng nên đã được chuyển sang {movedTo} và khôi phục từ bản sao lưu {restoredFrom}. Hãy kiểm tra lại những thay đổi gần nhất.',
  'store.restored_missing': 'Tệp bị mất nên đã được khôi phục từ bản sao lưu {restoredFrom}. Hãy kiểm tra lại những thay đổi gần nhất.',
  'store.corrupt_no_backup':
    'Tệp bị hỏng và không có bản sao lưu hợp lệ, nên không khôi phục được dữ liệu của tài liệu này. Bản hỏng được giữ nguyên tại {movedTo}; không có gì bị ghi đè.',
  'store.missing_no_backup': 'Tệp bị mất và không có bản sao lưu hợp lệ để khôi phục.',
  'store.corrupt_read_only':
    'Tệp bị hỏng; thư mục làm việc đang mở ở chế độ chỉ đọc nên tệp chưa được sửa. Hãy mở ở chế độ ghi để khôi phục từ bản sao lưu.',
  'store.missing_read_only':
    'Tệp bị mất; thư mục làm việc đang mở ở chế độ chỉ đọc nên chưa khôi phục từ bản sao lưu. Hãy mở ở chế độ ghi.',
  'store.migrated': 'Tệp đã được nâng từ phiên bản lược đồ {from} lên {to}; bản gốc được giữ tại {keptAt}.',
  'store.unsafe_code':
    'Mã cơ quan “{code}” không dùng được làm tên tệp: mã không được trống, không chứa dấu phân cách thư mục hay các ký tự \\ / : * ? " < > |, không chứa “..”, không bắt đầu hay kết thúc bằng dấu chấm hoặc khoảng trắng, và không trùng tên dành riêng của Windows (CON, PRN, AUX, NUL, COM1, LPT1…).',
  'store.code_collision':
    'Mã cơ quan “{code}” trùng với mã “{other}” khi đặt tên tệp (không phân biệt chữ hoa, chữ thường); hãy đổi một trong hai mã.',
  'store.duplicate_agency': 'Mã cơ quan “{code}” xuất hiện nhiều lần trong danh sách cơ quan.',
  'store.agency_mismatch': 'Tài liệu tự đánh giá thuộc cơ quan {actual}, không khớp với cơ quan {expected} của tệp.',
  'store.template_conflict':
    'Bộ tiêu chí {id} phiên bản {version} đã có trong thư mục làm việc với nội dung khác; nội dung mới cần một số phiên bản mới.',
  'store.template_mismatch': 'Tệp chứa bộ tiêu chí {actual}, không khớp với tên tệp ({expected}).',
  'store.bad_template_ref': 'Tham chiếu bộ tiêu chí không hợp lệ: {ref}.',
  'store.template_missing': 'Thư mục làm việc không có bộ tiêu chí {id}.',
  'store.no_template_for_group': 'Đợt đánh giá chưa chỉ định bộ tiêu chí cho nhóm cơ quan {group}.',
  'store.agency_unknown': 'Cơ quan này không có trong danh sách cơ quan của thư mục làm việc.',
  'store.bad_sha256': 'Mã băm SHA-256 “{sha256}” không hợp lệ (cần 64 ký tự thập lục phân viết thường).',
  'store.bad_revision': 'Số lần gửi {revision} không hợp lệ (cần một số nguyên dương).',
  'store.evidence_hash_mismatch': 'Nội dung tệp minh chứng không khớp mã băm: cần {expected}, tính được {actual}.',
  'store.evidence_corrupt':
    'Tệp minh chứng trong thư mục làm việc đã bị hỏng: nội dung không còn khớp mã băm {expected} (tính được {actual}). Hãy nhập lại tệp này.',
  'store.audit_bad_line': 'Dòng {line} của nhật ký thẩm định không phải một bản ghi hợp lệ ({detail}); dòng này được giữ nguyên.',
  'store.journal_unreadable':
    'Không đọc được nhật ký giao dịch dở dang ({detail}) nên không thể hoàn tác an toàn; thư mục làm việc chưa được mở. Hãy liên hệ bộ phận hỗ trợ và giữ nguyên thư mục.',
  'store.rollback_failed': 'Không hoàn tác được thay đổi dở dang ({detail}); lần mở thư mục làm việc sau sẽ thử hoàn tác lại.',
  'store.transaction_rolled_back':
    'Một thao tác ghi bị gián đoạn (mất điện hoặc ứng dụng bị tắt) đã được hoàn tác: {files} tệp được đưa về trạng thái trước thao tác.',
  'store.transaction_pending':
    'Có một thao tác ghi bị gián đoạn chưa được hoàn tác; dữ liệu đang xem có thể chưa nhất quán. Hãy mở thư mục làm việc ở chế độ ghi để hoàn tác.',
} as const;
