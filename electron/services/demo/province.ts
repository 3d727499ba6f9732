/**
 * The demo province, modelled on a provincial CCHC review of 2011–2015: 21 departments, 8
 * districts, and their communes, wards and townships. Names are fictional but typical.
 */
export const PROVINCE = {
  name: 'Minh Sơn',
  parentBody: 'UBND TỈNH MINH SƠN',
  body: 'SỞ NỘI VỤ',
  signerTitle: 'GIÁM ĐỐC',
  signerName: 'Trần Thị Thu Hà',
};

export const DEPARTMENTS: readonly { name: string; abbr: string }[] = [
  { name: 'Văn phòng Ủy ban nhân dân tỉnh', abbr: 'VP' },
  { name: 'Sở Nội vụ', abbr: 'SNV' },
  { name: 'Sở Tư pháp', abbr: 'STP' },
  { name: 'Sở Kế hoạch và Đầu tư', abbr: 'SKHĐT' },
  { name: 'Sở Tài chính', abbr: 'STC' },
  { name: 'Sở Công Thương', abbr: 'SCT' },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', abbr: 'SNN' },
  { name: 'Sở Giao thông vận tải', abbr: 'SGTVT' },
  { name: 'Sở Xây dựng', abbr: 'SXD' },
  { name: 'Sở Tài nguyên và Môi trường', abbr: 'STNMT' },
  { name: 'Sở Thông tin và Truyền thông', abbr: 'STTTT' },
  { name: 'Sở Lao động - Thương binh và Xã hội', abbr: 'SLĐTBXH' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', abbr: 'SVHTTDL' },
  { name: 'Sở Khoa học và Công nghệ', abbr: 'SKHCN' },
  { name: 'Sở Giáo dục và Đào tạo', abbr: 'SGDĐT' },
  { name: 'Sở Y tế', abbr: 'SYT' },
  { name: 'Sở Ngoại vụ', abbr: 'SNgV' },
  { name: 'Thanh tra tỉnh', abbr: 'TTr' },
  { name: 'Ban Dân tộc', abbr: 'BDT' },
  { name: 'Ban Quản lý các khu công nghiệp', abbr: 'BQLKCN' },
  { name: 'Ban Quản lý dự án đầu tư xây dựng tỉnh', abbr: 'BQLDA' },
];

export const DISTRICTS: readonly { name: string; abbr: string }[] = [
  { name: 'Thành phố Minh Sơn', abbr: 'TP' },
  { name: 'Thị xã Hòa An', abbr: 'HA' },
  { name: 'Huyện Sơn Hà', abbr: 'SH' },
  { name: 'Huyện Đông Triều', abbr: 'ĐT' },
  { name: 'Huyện Phú Lương', abbr: 'PL' },
  { name: 'Huyện Thạch Bàn', abbr: 'TB' },
  { name: 'Huyện Yên Lạc', abbr: 'YL' },
  { name: 'Huyện Mường Khoa', abbr: 'MK' },
];

/** Commune name stems; combined with a district they stay unique. */
export const COMMUNE_NAMES: readonly string[] = [
  'Tân Lập', 'Quang Trung', 'Hòa Bình', 'Đông Sơn', 'Tân Tiến', 'Thống Nhất', 'Hưng Đạo', 'Nghĩa Hưng',
  'Phú Lâm', 'An Khánh', 'Bình Minh', 'Đồng Tâm', 'Hợp Thành', 'Kim Đồng', 'Lê Lợi', 'Minh Khai',
  'Ngọc Sơn', 'Phúc Thịnh', 'Quyết Tiến', 'Sơn Thủy', 'Tiên Phong', 'Trung Hòa', 'Vĩnh Thịnh', 'Xuân Phương',
  'Yên Thế', 'Cẩm Giàng', 'Đại Đồng', 'Gia Khánh', 'Hải Bối', 'Hồng Phong', 'Khánh Hòa', 'Liên Minh',
  'Long Hưng', 'Mỹ Đức', 'Nam Tiến', 'Phong Châu', 'Quảng Ngãi', 'Tân Phú', 'Thanh Xuân', 'Thượng Lâm',
  'Tràng An', 'Văn Lang', 'Việt Hưng', 'Vạn Xuân', 'Bắc Sơn', 'Chiềng Ly', 'Nà Phặc', 'Mường Lống',
];
export const COMMUNE_KINDS: readonly { prefix: string; weight: number }[] = [
  { prefix: 'Xã', weight: 0.78 },
  { prefix: 'Phường', weight: 0.16 },
  { prefix: 'Thị trấn', weight: 0.06 },
];

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
