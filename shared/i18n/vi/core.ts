/** Location words and document-level messages. */
export const core = {
  'loc.file': 'tệp {v}',
  'loc.sheet': 'trang tính {v}',
  'loc.row': 'dòng {v}',
  'loc.column': 'cột {v}',
  'loc.template': 'bộ tiêu chí {v}',
  'loc.agency': 'cơ quan {v}',
  'loc.rule': 'quy định {v}',
  'loc.item': 'mục {v}',
  'loc.field': 'trường {v}',
  'doc.not_object': 'Nội dung không phải một tài liệu {kind} hợp lệ (cần một đối tượng JSON).',
  'doc.wrong_kind': 'Loại tài liệu không đúng: cần {expected}, nhận được {actual}.',
  'doc.bad_version': 'Tài liệu {kind} thiếu hoặc sai số phiên bản lược đồ (schemaVersion).',
  'doc.future_version':
    'Tài liệu {kind} có phiên bản lược đồ {version}, mới hơn phiên bản {latest} mà ParScore này hỗ trợ. Hãy cập nhật ParScore; tệp không bị thay đổi.',
  'doc.no_migration': 'Không có bước chuyển đổi cho tài liệu {kind} từ phiên bản {version}.',
  'doc.schema': 'Giá trị không hợp lệ ({detail}).',
  'doc.not_json': 'Tệp không phải JSON hợp lệ ({detail}).',
} as const;
