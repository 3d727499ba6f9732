/** Messages of the signed package container and the signing identity (keys start with "package."). */
export const pkg = {
  // Opening a package file
  'package.too_large': 'Tệp gói quá lớn: {size} byte, tối đa cho phép {max} byte.',
  'package.not_zip': 'Tệp này không phải là tệp gói ParScore (không phải tệp nén zip).',
  'package.truncated': 'Tệp gói bị cắt cụt hoặc hỏng, không đọc được cấu trúc zip ({detail}). Hãy xin gửi lại tệp.',
  'package.damaged': 'Cấu trúc zip của tệp gói bị hỏng ({detail}). Hãy xin gửi lại tệp.',
  'package.too_many_entries': 'Tệp gói có quá nhiều thành phần: {count}, tối đa {max}.',
  'package.entry_name_empty': 'Tệp gói có một thành phần không có tên.',
  'package.entry_name_absolute': 'Thành phần “{path}” dùng đường dẫn tuyệt đối; tệp gói không được chấp nhận.',
  'package.entry_name_dotdot': 'Thành phần “{path}” chứa “..” để trỏ ra ngoài gói; tệp gói không được chấp nhận.',
  'package.entry_name_backslash': 'Thành phần “{path}” chứa dấu gạch chéo ngược “\\”; tệp gói không được chấp nhận.',
  'package.entry_name_drive': 'Thành phần “{path}” chứa ký hiệu ổ đĩa (như C:); tệp gói không được chấp nhận.',
  'package.entry_name_invalid':
    'Tên thành phần “{path}” không hợp lệ (ký tự không cho phép, đoạn rỗng, “.”, quá 300 ký tự hoặc không phải UTF-8).',
  'package.entry_duplicate': 'Thành phần “{path}” trùng tên với “{other}” (kể cả khi không phân biệt hoa thường).',
  'package.entry_unsupported': 'Thành phần “{path}” được mã hóa hoặc nén theo cách không hỗ trợ (phương thức {method}).',
  'package.entry_too_large': 'Thành phần “{path}” quá lớn: {size} byte, tối đa {max} byte.',
  'package.entry_ratio':
    'Thành phần “{path}” có tỷ lệ nén bất thường ({ratio}:1, tối đa {max}:1), có thể là “bom zip”; tệp gói không được mở.',
  'package.entry_size_exceeds_declared':
    'Thành phần “{path}” giải nén ra nhiều hơn kích thước khai báo ({declared} byte); đã dừng đọc, tệp gói không được chấp nhận.',
  'package.total_too_large': 'Tổng dung lượng giải nén của tệp gói quá lớn: {size} byte, tối đa {max} byte.',
  'package.entry_damaged': 'Thành phần “{path}” bị hỏng ({detail}).',
  'package.entry_header_mismatch': 'Thông tin của thành phần “{path}” không khớp giữa hai phần đầu mục của zip; tệp gói bị hỏng hoặc đã bị sửa.',
  'package.entries_overlap': 'Thành phần “{path}” dùng chung dữ liệu với “{other}”; tệp gói không được chấp nhận.',
  'package.manifest_missing': 'Tệp gói thiếu bảng kê manifest.json.',
  'package.signature_missing':
    'Tệp gói không có chữ ký số ParScore ở cuối tệp: tệp đã bị cắt cụt hoặc bị sửa ở phần cuối, hoặc không do ParScore tạo ra. Hãy xin gửi lại tệp.',
  'package.format_version':
    'Tệp theo định dạng trao đổi phiên bản {version}; phiên bản ParScore này chỉ đọc định dạng phiên bản {supported}. Hãy đề nghị bên gửi tạo lại tệp bằng phiên bản ParScore hiện hành.',
  'package.signer_mismatch': 'Bảng kê manifest.json ghi một khóa người ký khác với khóa đã ký tệp; tệp gói không được chấp nhận.',
  'package.manifest_not_json': 'Bảng kê manifest.json không phải JSON hợp lệ ({detail}).',
  'package.manifest_invalid': 'Bảng kê manifest.json không đúng định dạng.',
  'package.signer_key_invalid': 'Khóa công khai của người ký không phải khóa Ed25519 hợp lệ.',
  'package.signer_fingerprint_mismatch': 'Dấu vân tay khóa của người ký không khớp với khóa công khai đi kèm.',
  'package.signature_invalid': 'Chữ ký số không hợp lệ: nội dung tệp gói đã bị thay đổi sau khi ký hoặc chữ ký không phải của khóa này.',
  'package.wrong_kind': 'Loại tệp không đúng: đây là {actual}, trong khi cần {expected}.',
  'package.manifest_reserved': 'Bảng kê liệt kê tên dành riêng “{path}”.',
  'package.manifest_duplicate': 'Bảng kê liệt kê “{path}” hơn một lần.',
  'package.entry_missing': 'Thành phần “{path}” có trong bảng kê nhưng không có trong tệp gói.',
  'package.entry_unlisted': 'Thành phần “{path}” có trong tệp gói nhưng không có trong bảng kê đã ký.',
  'package.entry_size_mismatch': 'Kích thước thành phần “{path}” không khớp bảng kê: cần {expected} byte, thực tế {actual} byte.',
  'package.entry_hash_mismatch': 'Mã băm SHA-256 của thành phần “{path}” không khớp bảng kê: nội dung đã bị thay đổi.',
  'package.payload_missing': 'Tệp gói không có tài liệu nội dung chính (tệp JSON ở thư mục gốc).',
  'package.payload_ambiguous': 'Tệp gói có nhiều tài liệu ở thư mục gốc ({paths}); chỉ được có một.',
  'package.payload_not_json': 'Tài liệu “{path}” không phải JSON hợp lệ ({detail}).',
  // Writing a package
  'package.write_payload_path': 'Tên tài liệu chính “{path}” phải là tên tệp .json ở thư mục gốc, khác manifest.json và signature.json.',
  'package.write_file_path': 'Tệp đính kèm “{path}” phải nằm trong một thư mục (ví dụ evidence/…).',
  'package.write_duplicate_path': 'Tên “{path}” trùng với “{other}” trong tệp gói.',
  'package.write_payload_not_json': 'Không chuyển được tài liệu chính sang JSON ({detail}).',
  'package.write_too_large': 'Tệp “{path}” quá lớn để đưa vào gói: {size} byte, tối đa {max} byte.',
  'package.write_too_many_entries': 'Tệp gói sẽ có quá nhiều thành phần: {count}, tối đa {max}.',
  'package.write_total_too_large': 'Tệp gói sẽ quá lớn: {size} byte, tối đa {max} byte.',
  // Signing identity
  'package.identity_bad_name': 'Tên chủ khóa phải có từ 1 đến {max} ký tự.',
  'package.identity_mismatch': 'Khóa bí mật không khớp với khóa công khai của danh tính ký.',
  'package.identity_key_missing':
    'Không tìm thấy khóa bí mật (keys/identity.key) dù vẫn còn phần công khai; không thể ký tệp. Hãy khôi phục tệp khóa từ bản sao lưu hoặc tạo khóa mới.',
  'package.identity_damaged': 'Tệp khóa ký bị hỏng hoặc không hợp lệ.',
  'package.identity_unreadable': 'Không đọc được tệp khóa ký ({detail}).',
  'package.identity_write_failed': 'Không ghi được khóa ký ({detail}).',
};
