/**
 * Messages of the Excel importers of the agency list and of the sociological survey results
 * (keys start with "ximport."). Header and word lists separated by | are accepted forms (read
 * without regard to case or diacritics); the first form of each list is never written.
 */
export const ximport = {
  // ── Sheet names and titles of the blank forms ───────────────────────────────────────────────
  'ximport.sheet.agencies': 'Danh sách cơ quan',
  'ximport.sheet.scores': 'Kết quả ĐTXHH',
  'ximport.sheet.answers': 'Phiếu trả lời ĐTXHH',
  /** At most 31 characters once {group} is filled in (an Excel limit on sheet names). */
  'ximport.sheet.scores.group': 'Kết quả ĐTXHH - {group}',
  'ximport.sheet.guide': 'Hướng dẫn',
  'ximport.title.agencies': 'DANH SÁCH CƠ QUAN, ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH',
  'ximport.title.scores': 'KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC (TỶ LỆ % ĐIỂM THEO TỪNG CÂU HỎI)',
  'ximport.title.scores.group': 'KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC: {group} (TỶ LỆ % ĐIỂM THEO TỪNG CÂU HỎI)',
  'ximport.title.answers': 'PHIẾU TRẢ LỜI ĐIỀU TRA XÃ HỘI HỌC (MỖI DÒNG MỘT CÂU TRẢ LỜI)',

  'ximport.col.no': 'STT',

  // ── Agency list: column headers and accepted variants ───────────────────────────────────────
  'ximport.col.agency.code': 'Mã',
  'ximport.col.agency.code.aliases': 'Mã cơ quan|Mã đơn vị|Mã cơ quan, đơn vị|Mã số|Mã CQ|Mã ĐV',
  'ximport.col.agency.name': 'Tên cơ quan, đơn vị',
  'ximport.col.agency.name.aliases': 'Tên cơ quan|Tên đơn vị|Tên|Cơ quan, đơn vị|Cơ quan|Đơn vị',
  'ximport.col.agency.group': 'Nhóm',
  'ximport.col.agency.group.aliases': 'Nhóm cơ quan|Nhóm đơn vị|Nhóm cơ quan, đơn vị|Loại|Loại cơ quan|Loại đơn vị|Khối|Cấp',
  'ximport.col.agency.parent': 'Mã đơn vị cấp trên',
  'ximport.col.agency.parent.aliases': 'Mã cấp trên|Đơn vị cấp trên|Cấp trên|Mã huyện|Huyện|Thuộc huyện|Trực thuộc|Mã UBND cấp huyện',

  // ── Agency groups: the word written, and other accepted words ───────────────────────────────
  'ximport.group.department': 'Sở, ban, ngành',
  'ximport.group.district': 'UBND cấp huyện',
  'ximport.group.commune': 'UBND cấp xã',
  'ximport.group.department.aliases':
    'Sở|Ban|Ngành|Sở, ngành|Sở ngành|Sở, ban ngành|Sở ban ngành|Cấp sở|Cấp tỉnh|Cơ quan chuyên môn|Sở, ban, ngành tỉnh',
  'ximport.group.district.aliases':
    'Huyện|Cấp huyện|UBND huyện|Quận|UBND quận|Thị xã|UBND thị xã|Thành phố thuộc tỉnh|Huyện, thị xã, thành phố|Huyện, quận, thị xã, thành phố',
  'ximport.group.commune.aliases':
    'Xã|Phường|Thị trấn|Đặc khu|Cấp xã|UBND xã|UBND phường|UBND thị trấn|UBND đặc khu|Xã, phường|Xã, phường, thị trấn|Xã, phường, đặc khu',

  // ── Survey sheets: column headers and accepted variants ─────────────────────────────────────
  'ximport.col.survey.agency': 'Mã cơ quan, đơn vị',
  'ximport.col.survey.agency.aliases': 'Mã cơ quan|Mã đơn vị|Mã|Mã CQ|Mã ĐV|Cơ quan, đơn vị|Cơ quan|Đơn vị',
  'ximport.col.survey.name': 'Tên cơ quan, đơn vị',
  'ximport.col.survey.name.aliases': 'Tên cơ quan|Tên đơn vị|Tên',
  'ximport.col.survey.item': 'Mã câu hỏi',
  'ximport.col.survey.item.aliases': 'Câu hỏi|Câu|Mã câu|Mã tiêu chí|Tiêu chí|Mã tiêu chí thành phần|Tiêu chí thành phần',
  'ximport.col.survey.answer': 'Phương án trả lời',
  'ximport.col.survey.answer.aliases': 'Trả lời|Câu trả lời|Phương án|Đáp án|Mức đánh giá|Mức độ',
  'ximport.col.survey.respondent': 'Mã phiếu',
  'ximport.col.survey.respondent.aliases': 'Số phiếu|Phiếu số|Phiếu|Mã người trả lời|Người trả lời|STT phiếu',
  'ximport.col.survey.respondentGroup': 'Nhóm người trả lời',
  'ximport.col.survey.respondentGroup.aliases': 'Đối tượng|Đối tượng khảo sát|Nhóm đối tượng|Nhóm',
  /** Words that may precede an item code in a header of the percent sheet ("Câu 8.1", "Tiêu chí 8.1"). */
  'ximport.col.survey.itemPrefix': 'Câu|Câu hỏi|Tiêu chí|Tiêu chí thành phần|TCTP|Điểm|Tỷ lệ|Tỉ lệ',

  // ── File, sheet and header problems ────────────────────────────────────────────────────────
  'ximport.file.unreadable':
    'Không đọc được nội dung tệp Excel: tệp bị hỏng hoặc có phần không đúng chuẩn .xlsx. Hãy mở tệp bằng Excel (hoặc LibreOffice), lưu lại dưới dạng Excel Workbook (.xlsx) rồi nhập lại.',
  'ximport.file.empty': 'Tệp rỗng (0 byte), không có nội dung nào; hãy chép lại tệp từ bản gốc.',
  'ximport.file.not_zip':
    'Tệp không phải tệp Excel .xlsx (có thể là tệp CSV, PDF, văn bản hoặc ảnh được đổi đuôi thành .xlsx). Hãy mở tệp bằng Excel và lưu dưới dạng Excel Workbook (.xlsx).',
  'ximport.file.legacy_xls':
    'Tệp là bảng tính Excel 97–2003 (.xls) hoặc tệp Excel có đặt mật khẩu mở; chỉ đọc được tệp .xlsx không đặt mật khẩu. Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi lưu dưới dạng Excel Workbook (.xlsx).',
  'ximport.file.damaged':
    'Tệp Excel bị hỏng hoặc không đầy đủ (có thể chép hoặc tải về chưa xong). Hãy chép lại tệp từ bản gốc, hoặc mở bằng Excel rồi lưu lại.',
  'ximport.file.not_workbook':
    'Tệp là tệp nén nhưng không phải bảng tính Excel (có thể là tệp Word .docx, PowerPoint .pptx hoặc tệp .zip được đổi đuôi). Hãy chọn đúng tệp bảng tính Excel (.xlsx).',
  'ximport.file.opendocument': 'Tệp là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice hoặc Excel và lưu dưới dạng Excel Workbook (.xlsx).',
  'ximport.file.too_large': 'Tệp Excel khi giải nén lớn {size} MB, vượt quá giới hạn {max} MB.',
  'ximport.file.no_sheet': 'Tệp Excel không có trang tính nào.',
  'ximport.too_many': 'Còn lỗi khác chưa hiển thị (đã dừng ở {n} lỗi); hãy sửa các lỗi trên rồi nhập lại.',
  'ximport.header.missing': 'Không tìm thấy cột "{header}" ở dòng tiêu đề của bảng.',
  'ximport.header.duplicate': 'Cột "{header}" có hai lần (cột {first} và cột {second}); hãy xoá một cột.',
  'ximport.no_rows': 'Bảng không có dòng dữ liệu nào dưới dòng tiêu đề.',
  'ximport.cell.formula_without_value': 'Ô chứa công thức Excel ({formula}) nhưng không có giá trị đã tính; hãy nhập trực tiếp giá trị.',
  'ximport.cell.error_value': 'Ô có giá trị lỗi {value}; hãy nhập giá trị đúng.',
  'ximport.cell.unsupported': 'Không đọc được giá trị của ô; hãy nhập lại dưới dạng văn bản hoặc số.',
  'ximport.cell.unexpected_date': 'Ô chứa ngày tháng ({value}) nhưng ở đây cần mã hoặc chữ; hãy định dạng cột là Văn bản (Text) rồi nhập lại.',

  // ── Agency list problems ────────────────────────────────────────────────────────────────────
  'ximport.agency.code_required': 'Dòng có nội dung nhưng chưa ghi mã cơ quan, đơn vị.',
  'ximport.agency.code_invalid':
    'Mã "{value}" không hợp lệ: mã bắt đầu bằng chữ hoặc số, chỉ gồm chữ, số và các dấu . _ - (không có dấu cách), dài tối đa 40 ký tự.',
  'ximport.agency.code_duplicate': 'Mã "{value}" bị trùng: đã có ở dòng {first}, lặp lại ở dòng {second}.',
  'ximport.agency.name_required': 'Chưa ghi tên của cơ quan, đơn vị có mã "{code}".',
  'ximport.agency.name_too_long': 'Tên "{value}" dài {length} ký tự, vượt quá {max} ký tự cho phép.',
  'ximport.agency.group_required': 'Chưa ghi nhóm của cơ quan, đơn vị "{code}" (Sở, ban, ngành; UBND cấp huyện; UBND cấp xã).',
  'ximport.agency.group_unknown':
    'Không hiểu nhóm "{value}"; hãy ghi một trong: Sở, ban, ngành; UBND cấp huyện; UBND cấp xã (hoặc sở, huyện, xã, phường, thị trấn).',
  'ximport.agency.district_two_tier':
    '"{code}" thuộc nhóm UBND cấp huyện, nhưng đợt đánh giá theo mô hình chính quyền địa phương hai cấp không có cấp huyện.',
  'ximport.agency.parent_required': 'UBND cấp xã "{code}" chưa ghi mã đơn vị cấp trên (UBND cấp huyện quản lý) theo mô hình ba cấp.',
  'ximport.agency.parent_not_found': 'Không có cơ quan, đơn vị nào mang mã "{value}" trong danh sách để làm đơn vị cấp trên.',
  'ximport.agency.parent_not_district': 'Đơn vị cấp trên "{value}" thuộc nhóm {group}, không phải UBND cấp huyện.',
  'ximport.agency.parent_not_commune': '"{code}" thuộc nhóm {group}; chỉ UBND cấp xã mới ghi đơn vị cấp trên (ở đây ghi "{value}").',
  'ximport.agency.parent_two_tier': 'Mô hình hai cấp không có đơn vị cấp trên; hãy xoá "{value}" ở dòng này.',
  'ximport.agency.too_many_rows': 'Danh sách có {n} cơ quan, đơn vị, vượt quá giới hạn {max}.',

  // ── Survey problems ─────────────────────────────────────────────────────────────────────────
  'ximport.survey.layout_unknown':
    'Không nhận ra dạng bảng: bảng tỷ lệ % cần cột "{agency}" và các cột mang mã câu hỏi (ví dụ 8.1, 8.2); bảng phiếu trả lời cần các cột "{agency}", "{item}" và "{answer}".',
  'ximport.survey.agency_required': 'Dòng có nội dung nhưng chưa ghi mã cơ quan, đơn vị.',
  'ximport.survey.agency_unknown': 'Không có cơ quan, đơn vị "{value}" trong danh sách của đợt đánh giá.',
  'ximport.survey.agency_duplicate': 'Cơ quan, đơn vị "{value}" có hai dòng: dòng {first} và dòng {second}.',
  'ximport.survey.agency_duplicate_sheets': 'Cơ quan, đơn vị "{value}" có hai dòng: dòng {first} của trang tính "{firstSheet}" và dòng {second} ở đây.',
  'ximport.survey.item_required': 'Chưa ghi mã câu hỏi.',
  'ximport.survey.item_not_survey': '"{item}" không phải câu hỏi điều tra xã hội học trong bộ tiêu chí của "{agency}" ({group}).',
  'ximport.survey.column_not_survey': 'Cột "{item}" không phải câu hỏi điều tra xã hội học của bộ tiêu chí nào trong đợt đánh giá.',
  'ximport.survey.not_percent': '"{value}" không phải tỷ lệ phần trăm (ví dụ đúng: 85; 85,5; 85%).',
  'ximport.survey.percent_range': 'Tỷ lệ "{value}" nằm ngoài khoảng từ 0 đến 100%.',
  'ximport.survey.answer_unknown': 'Phương án "{value}" không có trong thang điểm của đợt đánh giá ({letters}).',
  'ximport.survey.answer_duplicate': 'Phiếu "{respondent}" đã trả lời câu "{item}" cho "{agency}" ở dòng {first}.',
  'ximport.survey.answer_duplicate_sheets': 'Phiếu "{respondent}" đã trả lời câu "{item}" cho "{agency}" ở dòng {first} của trang tính "{firstSheet}".',
  'ximport.survey.not_found':
    'Tệp không có bảng kết quả điều tra xã hội học: trong {rows} dòng đầu của trang tính {sheets} không có dòng tiêu đề nào có cột "{agency}" cùng các cột mã câu hỏi (bảng tỷ lệ %) hoặc các cột "{item}" và "{answer}" (bảng phiếu trả lời). Hãy kiểm tra lại đã chọn đúng tệp chưa.',
  'ximport.survey.only_guide':
    'Tệp chỉ còn trang tính "{sheet}" của mẫu, trang tính ghi kết quả đã bị xoá. Hãy ghi kết quả vào trang tính nhập số liệu của mẫu (hoặc tải lại mẫu) rồi nhập lại.',
  'ximport.survey.layout_mixed_scores':
    'Trang tính này là bảng tỷ lệ %, còn trang tính "{first}" là bảng phiếu trả lời; mỗi lần chỉ nhập được một dạng bảng, hãy tách hai bảng ra hai tệp.',
  'ximport.survey.layout_mixed_answers':
    'Trang tính này là bảng phiếu trả lời, còn trang tính "{first}" là bảng tỷ lệ %; mỗi lần chỉ nhập được một dạng bảng, hãy tách hai bảng ra hai tệp.',
  'ximport.survey.scale_empty': 'Đợt đánh giá chưa có thang điểm phương án trả lời (A, B, C, D …).',
  'ximport.survey.no_data': 'Không có kết quả nào để nhập: các ô tỷ lệ % hoặc phương án trả lời đều để trống.',

  // ── Guide sheets and input hints of the blank forms ─────────────────────────────────────────
  'ximport.guide.col.column': 'Cột',
  'ximport.guide.col.meaning': 'Cách ghi',
  'ximport.guide.general':
    'Có thể thêm dòng tiêu đề phía trên bảng, đổi thứ tự các cột hoặc thêm cột khác (STT, ghi chú …); tiêu đề cột ghi bằng tiếng Việt hoặc tiếng Anh, có dấu hoặc không dấu đều được. Mọi lỗi được báo kèm trang tính, dòng và cột; tệp còn lỗi thì không có dữ liệu nào được nhập.',
  'ximport.guide.agencies.title': 'HƯỚNG DẪN ĐIỀN DANH SÁCH CƠ QUAN, ĐƠN VỊ',
  'ximport.guide.agencies.code': 'Mã ngắn, không trùng, không có dấu cách, ví dụ SNV, H01, X0101; chỉ dùng chữ, số và các dấu . _ - (tối đa 40 ký tự).',
  'ximport.guide.agencies.name': 'Tên đầy đủ của cơ quan, đơn vị (tối đa 300 ký tự).',
  'ximport.guide.agencies.group':
    'Chọn trong danh sách: Sở, ban, ngành; UBND cấp huyện; UBND cấp xã. Cũng có thể gõ: sở, huyện, quận, thị xã, xã, phường, thị trấn.',
  'ximport.guide.agencies.parent':
    'Chỉ ghi cho UBND cấp xã theo mô hình ba cấp: mã (hoặc tên) của UBND cấp huyện quản lý xã. Mô hình hai cấp (không có cấp huyện): để trống.',
  'ximport.guide.groups': 'Các nhóm cơ quan, đơn vị',
  'ximport.guide.scores.title': 'HƯỚNG DẪN ĐIỀN KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC (TỶ LỆ %)',
  'ximport.guide.scores.body':
    'Mỗi nhóm cơ quan, đơn vị một trang tính, mỗi dòng một cơ quan, đơn vị; mỗi cột một câu hỏi điều tra xã hội học trong bộ tiêu chí của nhóm đó, tiêu đề cột là mã và nội dung câu hỏi (ví dụ "8.1. Người dân đánh giá …"; khi sửa tiêu đề, giữ mã câu hỏi ở đầu). Ghi tỷ lệ % điểm đạt được, từ 0 đến 100: 85 hoặc 85,5 hoặc 85%. Ô để trống nghĩa là không khảo sát.',
  'ximport.guide.answers.title': 'HƯỚNG DẪN NHẬP PHIẾU TRẢ LỜI ĐIỀU TRA XÃ HỘI HỌC',
  'ximport.guide.answers.body':
    'Mỗi dòng một câu trả lời: mã cơ quan, đơn vị được đánh giá; mã câu hỏi; phương án trả lời (chữ cái theo thang điểm dưới đây, chữ hoa hay chữ thường đều được). Mã phiếu và nhóm người trả lời không bắt buộc; có mã phiếu thì số người trả lời được đếm theo mã phiếu, không có thì bằng số câu trả lời nhiều nhất của một câu hỏi. Ô phương án để trống nghĩa là người đó không trả lời câu hỏi. Tỷ lệ % của mỗi câu hỏi là trung bình cộng theo thang điểm.',
  'ximport.guide.items': 'Các câu hỏi điều tra xã hội học',
  'ximport.guide.items.code': 'Mã câu hỏi',
  'ximport.guide.items.body':
    'Nội dung câu hỏi theo bộ tiêu chí của từng nhóm cơ quan, đơn vị: cùng một mã câu hỏi có thể là câu hỏi khác nhau ở các nhóm; ô trống là câu hỏi không thuộc bộ tiêu chí của nhóm đó.',
  'ximport.guide.items.groups': 'Áp dụng cho',
  'ximport.guide.scale': 'Thang điểm phương án trả lời',
  'ximport.guide.scale.letter': 'Phương án',
  'ximport.guide.scale.percent': 'Tỷ lệ % điểm',
  'ximport.guide.agencyList': 'Các cơ quan, đơn vị',
  'ximport.input.group.title': 'Nhóm',
  'ximport.input.group.text': 'Chọn trong danh sách hoặc gõ: sở, huyện, xã, phường, thị trấn.',
  'ximport.input.percent.title': 'Tỷ lệ %',
  'ximport.input.percent.text': 'Từ 0 đến 100, ví dụ 85 hoặc 85,5.',
  'ximport.input.answer.title': 'Phương án',
  'ximport.input.answer.text': 'Một chữ cái của thang điểm: {letters}.',
  // Guards before and after loading a workbook (limits.ts).
  'ximport.limit.file_too_large': 'Tệp quá lớn: {size} MB, tối đa {max} MB; tệp chưa được đọc.',
  'ximport.limit.inflated_too_large': 'Tệp giải nén ra quá nhiều dữ liệu (hơn {max} MB); tệp bị từ chối mà không đọc.',
  'ximport.limit.part_too_large': 'Một phần của tệp ({part}) giải nén ra hơn {max} MB; tệp bị từ chối mà không đọc. Hãy xóa dữ liệu thừa rồi lưu lại.',
  'ximport.limit.too_many_parts': 'Tệp có quá nhiều thành phần (hơn {max}); đây không phải một bảng tính bình thường.',
  'ximport.limit.too_many_rows': 'Trang tính có hơn {max} dòng (tối đa {max}); hãy xóa các dòng thừa hoặc chia thành nhiều tệp.',
  'ximport.limit.too_many_columns': 'Trang tính có dữ liệu ở quá nhiều cột (tối đa {max} cột); hãy xóa các cột thừa.',
  'ximport.limit.dimension':
    'Trang tính khai báo vùng dữ liệu {range} ({rows} dòng, {columns} cột), vượt giới hạn {maxRows} dòng và {maxColumns} cột; hãy xóa các dòng, cột thừa rồi lưu lại.',
  'ximport.limit.too_many_strings': 'Tệp chứa quá nhiều đoạn chữ khác nhau (hơn {max}); hãy xóa dữ liệu thừa rồi lưu lại.',
  'ximport.limit.string_too_long': 'Ô có nội dung dài hơn {max} ký tự (giới hạn của Excel); hãy rút gọn nội dung ô.',
  'ximport.limit.hidden_sheet': 'Trang tính “{sheet}” đang bị ẩn; hãy hiện trang đó (hoặc xóa nếu không cần) rồi lưu lại.',
  'ximport.limit.merged_cells': 'Vùng dữ liệu có ô gộp ({range}); hãy bỏ gộp ô rồi nhập giá trị vào từng ô.',
  'ximport.limit.formula': 'Ô chứa công thức ({formula}); hãy nhập trực tiếp giá trị (Dán đặc biệt → Giá trị).',
} as const;
