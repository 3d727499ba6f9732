/** Messages of the additional templates' items (the ISO 9001 checklist) in the agency and everything reports. */
export const radd = {
  'radd.template': '{title} (mã {id}, phiên bản {version})',
  'radd.exempt': 'Không áp dụng (miễn)',
  'radd.exempt_reason': 'Không áp dụng (miễn) — lý do: {reason}',
  'radd.exempt_no_reason': 'Không áp dụng (miễn) — không ghi lý do',
  'radd.not_assessed': 'Chưa tự đánh giá theo bộ tiêu chí này',
  // The agency report: one sheet per additional template.
  'radd.agency.sheet': 'Bộ tiêu chí {id}',
  'radd.agency.title': 'BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ BỔ SUNG NĂM {year}',
  'radd.total.self': 'Tổng điểm tự đánh giá',
  'radd.total.appraised': 'Tổng điểm thẩm định',
  'radd.total.percent': 'Tỷ lệ đạt (%)',
  'radd.total.band': 'Xếp loại: {band}',
  'radd.total.phase': 'Giai đoạn đã đạt: {phase}',
  // The everything workbook: per additional template an item sheet and a results sheet.
  'radd.everything.detail_sheet': 'Chi tiết {id}',
  'radd.everything.detail_title': 'CHI TIẾT KẾT QUẢ TỰ ĐÁNH GIÁ, THẨM ĐỊNH THEO BỘ TIÊU CHÍ BỔ SUNG NĂM {year}',
  'radd.everything.results_sheet': 'Kết quả {id}',
  'radd.everything.results_title': 'TỔNG HỢP KẾT QUẢ THEO BỘ TIÊU CHÍ BỔ SUNG NĂM {year}',
  'radd.col.status': 'Tình trạng',
  'radd.col.self_total': 'Điểm tự đánh giá',
  'radd.col.appraised_total': 'Điểm thẩm định',
  'radd.col.max': 'Điểm tối đa',
  'radd.col.percent': 'Tỷ lệ đạt (%)',
  'radd.col.band': 'Xếp loại',
  'radd.col.phase': 'Giai đoạn đã đạt',
  'radd.col.remarks': 'Ghi chú',
};
