/** Messages of the scoring cycle (keys start with "cycle."): campaign file, submissions, import, appraisal. */
export const cycle = {
  // workspace and identity
  'cycle.no_campaign': 'Thư mục làm việc chưa có đợt đánh giá.',
  'cycle.not_agency_workspace': 'Thao tác này chỉ làm được trong thư mục làm việc của một cơ quan, đơn vị.',
  'cycle.not_home_affairs_workspace': 'Thao tác này chỉ làm được trong thư mục làm việc của Sở Nội vụ.',
  'cycle.no_identity': 'Thư mục làm việc chưa có khóa ký số; hãy thiết lập khóa trước khi gửi hoặc nhận tệp.',
  'cycle.identity_key_missing': 'Không tìm thấy khóa bí mật của thư mục làm việc nên không ký được tệp. Hãy khôi phục thư mục keys từ bản sao lưu.',
  'cycle.identity_mismatch': 'Khóa bí mật trong thư mục keys (dấu vân tay {actual}) không phải khóa mà thư mục làm việc đã đăng ký ({expected}).',
  'cycle.identity_name_required': 'Cần nhập tên của chủ thể ký (ví dụ: “Sở Nội vụ tỉnh …”).',
  'cycle.campaign_without_key': 'Đợt đánh giá chưa có khóa công khai của Sở Nội vụ; Sở Nội vụ cần thiết lập khóa trước khi gửi tệp đợt đánh giá.',
  'cycle.campaign_key_differs': 'Đợt đánh giá ghi khóa của Sở Nội vụ là {expected}, khác khóa của thư mục làm việc này ({actual}).',
  'cycle.campaign_without_templates': 'Đợt đánh giá chưa chỉ định bộ tiêu chí nào cho các nhóm cơ quan.',
  'cycle.campaign_signer_mismatch':
    'Tệp đợt đánh giá được ký bằng khóa {actual}, không phải khóa của Sở Nội vụ ghi trong đợt đánh giá ({expected}); tệp có thể đã bị giả mạo.',
  'cycle.template_missing': 'Thiếu bộ tiêu chí {id} phiên bản {version} mà đợt đánh giá chỉ định.',
  'cycle.no_template_for_group': 'Đợt đánh giá chưa chỉ định bộ tiêu chí cho nhóm của cơ quan này.',
  'cycle.unknown_agency': 'Cơ quan “{agency}” không có trong danh sách cơ quan của đợt đánh giá.',
  'cycle.bad_time': 'Thời điểm “{value}” không hợp lệ (cần ngày giờ ISO có múi giờ, ví dụ 2025-01-15T08:00:00+07:00).',

  // evidence and submission (agency side)
  'cycle.evidence_unreadable': 'Không đọc được tệp minh chứng ({detail}).',
  'cycle.evidence_missing_local':
    'Tài liệu kiểm chứng “{fileName}” được dẫn chiếu nhưng tệp không có trong thư mục làm việc; hãy đính kèm lại tệp này.',
  'cycle.no_assessment': 'Cơ quan chưa có bản tự đánh giá.',
  'cycle.cycle_closed': 'Sở Nội vụ đã gửi kết quả thẩm định cuối cùng nên không gửi thêm bản tự đánh giá được nữa.',

  // submission content
  'cycle.evidence_missing': 'Tệp nộp thiếu tệp minh chứng “{fileName}” dù có liệt kê trong danh sách minh chứng.',
  'cycle.evidence_hash_mismatch': 'Nội dung tệp minh chứng “{fileName}” không khớp mã băm đã khai ({sha256}); tệp có thể đã bị thay đổi.',
  'cycle.evidence_size_mismatch': 'Dung lượng tệp minh chứng “{fileName}” không khớp: khai {expected} byte, thực tế {actual} byte.',
  'cycle.evidence_listed_twice': 'Tệp minh chứng “{fileName}” được liệt kê hai lần.',
  'cycle.evidence_unlisted': 'Tệp {path} có trong tệp nộp nhưng không có trong danh sách minh chứng.',
  'cycle.evidence_not_included': 'Tài liệu kiểm chứng “{fileName}” được dẫn chiếu theo mã băm nhưng tệp không được gửi kèm.',
  'cycle.assessment_agency_mismatch': 'Bản tự đánh giá thuộc cơ quan {actual}, không phải cơ quan nộp {expected}.',
  'cycle.other_campaign_uid':
    'Tệp của một đợt đánh giá khác: tệp thuộc đợt “{actual}” có mã nhận diện {actualUid}, không phải đợt “{expected}” đang thực hiện (mã nhận diện {expectedUid}), dù có thể trùng mã, năm và tên. Hãy kiểm tra tệp có đúng của tỉnh và đợt đánh giá này không.',
  'cycle.other_home_affairs_key':
    'Tệp của một đợt đánh giá khác: tệp được lập cho khóa Sở Nội vụ {actual}, không phải khóa {expected} của đợt đánh giá đang thực hiện.',
  'cycle.other_campaign': 'Tệp thuộc đợt đánh giá “{actual}”, không phải đợt đánh giá “{expected}” đang thực hiện.',
  'cycle.template_mismatch': 'Tệp dùng bộ tiêu chí {actual}, trong khi đợt đánh giá chỉ định bộ tiêu chí {expected} cho nhóm của cơ quan này.',
  'cycle.survey_item_input': 'Tiêu chí này được chấm qua điều tra xã hội học, cơ quan không tự chấm điểm.',
  'cycle.self_score_above_max': 'Điểm tự chấm {score} vượt điểm tối đa {max} của tiêu chí.',
  'cycle.explanation_unknown_item': 'Giải trình cho mục {item} nhưng bộ tiêu chí không có mục này.',
  'cycle.duplicate_nomination': 'Mã đề nghị khen thưởng “{id}” bị trùng.',

  // import at Home Affairs
  'cycle.key_mismatch':
    'Khóa ký đã thay đổi: tệp được ký bằng khóa {actual}, khác với khóa đã ghi nhận của cơ quan từ lần nộp đầu tiên ({expected}). Nếu cơ quan đã đổi máy hoặc đổi khóa, hãy xác minh dấu vân tay của khóa mới trực tiếp với cơ quan rồi mới chấp nhận khóa mới.',
  'cycle.key_of_other_agency': 'Tệp được ký bằng khóa đã ghi nhận của cơ quan {other}, không phải khóa của cơ quan nộp.',
  'cycle.replayed_revision': 'Đây là bản gửi lần {revision}, cũ hơn bản lần {stored} đã nhận; bản cũ không thay thế bản mới.',
  'cycle.revision_conflict': 'Đã nhận một bản gửi lần {revision} khác với tệp này; cùng một lần gửi không thể có hai nội dung.',
  'cycle.duplicate': 'Tệp này (lần gửi {revision}) đã được nhận trước đó; bỏ qua, không có gì thay đổi.',
  'cycle.duplicate_in_batch': 'Tệp này trùng với tệp {other} trong cùng lượt nhập; bỏ qua.',
  'cycle.batch_duplicate_agency':
    'Trong cùng lượt nhập đã có tệp {other} (lần gửi {otherRevision}) của cơ quan này; tệp lần gửi {revision} không mới hơn nên không được nhận.',
  'cycle.agency_locked': 'Kết quả của cơ quan {agency} đã được chốt; không thay đổi được nữa.',
  'cycle.round1_closed': 'Sở Nội vụ đã bắt đầu thẩm định nên không nhận thêm bản tự đánh giá lần 1; cơ quan gửi giải trình sau khi nhận kết quả thẩm định lần 1.',
  'cycle.round2_not_open': 'Chưa có kết quả thẩm định lần 1 của cơ quan nên chưa nhận bản giải trình (lần 2).',
  'cycle.round2_closed': 'Đã thẩm định lần 2 nên không nhận thêm bản giải trình.',
  'cycle.import_write_failed': 'Không ghi được dữ liệu của tệp này; mọi thay đổi của tệp đã được hoàn tác.',
  'cycle.import_read_failed': 'Không đọc được tệp (đã bị chuyển, xóa hoặc không có quyền đọc); chưa nhập gì từ tệp này.',

  // appraisal at Home Affairs
  'cycle.not_submitted': 'Cơ quan {agency} chưa nộp bản tự đánh giá.',
  'cycle.round_closed': 'Đã thẩm định lần 2; muốn sửa điểm, hãy mở lại vòng thẩm định lần 2 (kèm lý do).',
  'cycle.wrong_round': 'Điểm này thuộc lần thẩm định {round}, nhưng cơ quan đang ở lần thẩm định {expected}.',
  'cycle.unknown_item': 'Bộ tiêu chí không có mục {item}.',
  'cycle.not_a_leaf': 'Mục {item} là tiêu chí tổng hợp; điểm của mục này là tổng các tiêu chí thành phần.',
  'cycle.survey_item': 'Mục {item} được chấm qua điều tra xã hội học, không thẩm định trực tiếp.',
  'cycle.invalid_score': 'Điểm thẩm định “{score}” không hợp lệ (cần một số không âm).',
  'cycle.score_above_max': 'Điểm thẩm định {score} vượt điểm tối đa {max} của tiêu chí.',
  'cycle.adjustment_above_cap': 'Tổng điểm {total} vượt mức trần {cap} của khối điểm này.',
  'cycle.explained_by_import': 'Trạng thái “Đã giải trình” chỉ có được khi nhập bản giải trình (lần 2) của cơ quan.',
  'cycle.bad_transition':
    'Không chuyển được sang trạng thái này từ trạng thái hiện tại. Thứ tự: chưa nộp → đã nộp → đang thẩm định → đã thẩm định lần 1 → đã giải trình → đã thẩm định lần 2 → đã chốt.',
  'cycle.reason_required': 'Cần ghi lý do cho thay đổi này.',
  'cycle.appraisal_not_ready': 'Chỉ xuất được kết quả thẩm định sau khi đã thẩm định xong lần 1 hoặc lần 2.',
  'cycle.no_appraisal': 'Cơ quan chưa có kết quả thẩm định.',

  // appraisal at the agency
  'cycle.not_signed_by_home_affairs':
    'Tệp kết quả thẩm định được ký bằng khóa {actual}, không phải khóa của Sở Nội vụ đã ghi nhận khi nhận đợt đánh giá ({expected}); tệp có thể đã bị giả mạo.',
  'cycle.other_agency': 'Tệp dành cho cơ quan {actual}, không phải cơ quan {expected}.',
  'cycle.appraisal_file_status':
    'Tệp kết quả thẩm định ghi trạng thái “{status}”; tệp kết quả thẩm định chỉ có thể ở trạng thái đã thẩm định lần 1, đã thẩm định lần 2 hoặc đã chốt. Tệp không do Sở Nội vụ xuất ra từ ParScore.',
  'cycle.appraisal_file_round': 'Tệp kết quả thẩm định ở trạng thái “{status}” nhưng ghi vòng {round} (cần vòng {expected}); tệp không do Sở Nội vụ xuất ra từ ParScore.',
  'cycle.appraisal_item_round': 'Điểm thẩm định ghi vòng {round}, sau vòng {fileRound} của tệp kết quả thẩm định; tệp không do Sở Nội vụ xuất ra từ ParScore.',
  'cycle.appraisal_older': 'Tệp kết quả thẩm định này ({received}) cũ hơn kết quả đã nhận ({held}); không thay thế.',
  'cycle.no_appraisal_received': 'Chưa nhận kết quả thẩm định của Sở Nội vụ nên chưa giải trình được.',
  'cycle.explanations_closed': 'Vòng giải trình đã kết thúc; không sửa giải trình được nữa.',
  'cycle.received_format': 'Ngày nhận hồ sơ “{value}” không đúng dạng năm-tháng-ngày (yyyy-mm-dd, ví dụ 2015-12-10); chưa tiếp nhận tệp nào.',
  'cycle.received_not_a_day': 'Không có ngày {value} trên lịch; hãy kiểm tra lại ngày nhận hồ sơ. Chưa tiếp nhận tệp nào.',
  'cycle.received_future': 'Ngày nhận hồ sơ {value} chưa đến (hôm nay là {today}); chưa tiếp nhận tệp nào.',
  // additional templates (ISO 9001 checklist)
  'cycle.nothing_entered': 'Cơ quan chưa nhập điểm tiêu chí nào nên chưa có gì để gửi; nhập bằng `parscore item set` hoặc sổ tự đánh giá Excel, rồi xuất hồ sơ lại.',
  'cycle.not_additional_template': 'Bộ tiêu chí {template} không phải bộ tiêu chí bổ sung của nhóm cơ quan này (các bộ bổ sung của nhóm: {assigned}).',
  'cycle.template_exempted': 'Cơ quan {agency} đã được đánh dấu không áp dụng bộ tiêu chí {template}.',
  'cycle.additional_not_assigned': 'Hồ sơ có phần tự đánh giá theo bộ tiêu chí {template}, nhưng đợt đánh giá không giao bộ này cho nhóm của cơ quan (các bộ bổ sung của nhóm: {assigned}).',
  'cycle.additional_exempted': 'Hồ sơ có phần tự đánh giá theo bộ tiêu chí {template}, nhưng cơ quan {agency} đã được đánh dấu không áp dụng bộ này.',
  'cycle.additional_version_mismatch': 'Phần theo bộ tiêu chí {template} dùng phiên bản {actual}, trong khi đợt đánh giá dùng {expected}.',
  'cycle.unknown_item_in': 'Bộ tiêu chí {template} không có mục {item}.',
  'cycle.no_additional_assessment': 'Cơ quan {agency} chưa gửi phần tự đánh giá theo bộ tiêu chí {template} nên chưa thẩm định được.',
  'cycle.appraisal_additional_not_applied': 'Tệp kết quả thẩm định có phần theo bộ tiêu chí {template}, nhưng theo đợt đánh giá cơ quan không áp dụng bộ này.',
} as const;
