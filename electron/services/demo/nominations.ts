import type { Agency, Nomination, Rating } from '../../../shared/schema/index.ts';
import { FAMILY_NAMES } from './province.ts';
import type { Rng } from './rng.ts';

const MIDDLE = { male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu'], female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Mai'] } as const;
const GIVEN = { male: ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Khoa', 'Long', 'Nam', 'Sơn', 'Tuấn'], female: ['Hà', 'Hương', 'Lan', 'Linh', 'Ngân', 'Phương', 'Thảo', 'Trang', 'Vân', 'Yến'] } as const;
const POSITIONS: Record<Agency['group'], string[]> = {
  department: ['Chánh Văn phòng', 'Chuyên viên phụ trách cải cách hành chính', 'Phó Giám đốc', 'Trưởng phòng Tổ chức - Hành chính'],
  district: ['Trưởng phòng Nội vụ', 'Chuyên viên Phòng Nội vụ', 'Phó Chủ tịch UBND', 'Chánh Văn phòng HĐND và UBND'],
  commune: ['Công chức Văn phòng - Thống kê', 'Chủ tịch UBND', 'Công chức Tư pháp - Hộ tịch', 'Công chức Bộ phận Một cửa'],
};
const ACHIEVEMENTS = [
  'Tham mưu triển khai hiệu quả cơ chế một cửa, tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 99%.',
  'Chủ trì số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; có sáng kiến được công nhận cấp tỉnh.',
  'Hoàn thành xuất sắc kế hoạch cải cách hành chính năm; không để xảy ra phản ánh, kiến nghị quá hạn.',
  'Tích cực tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình.',
];

function rating(rng: Rng, q: number): Rating {
  const r = rng.float();
  if (r < q * 0.75) return 'excellent';
  if (r < 0.95) return 'good';
  return 'complete';
}

/** What a demo agency proposes for commendation: often itself, and one or two of its people. */
export function demoNominations(agency: Agency, q: number, year: number, rng: Rng): Nomination[] {
  const out: Nomination[] = [];
  if (rng.chance(0.5 + 0.4 * q)) {
    out.push({
      kind: 'collective',
      id: `${agency.code}-TT`,
      name: agency.name,
      achievements: `Hoàn thành tốt nhiệm vụ cải cách hành chính năm ${year}; ${rng.pick(ACHIEVEMENTS).toLowerCase()}`,
      proposedAward: q > 0.85 ? 'bk-tap-the' : 'gk-tap-the',
    });
  }
  const people = rng.int(0, 2);
  for (let i = 0; i < people; i++) {
    const gender = rng.chance(0.5) ? 'male' : 'female';
    const thisYear = rating(rng, q);
    out.push({
      kind: 'individual',
      id: `${agency.code}-CN${i + 1}`,
      fullName: `${rng.pick(FAMILY_NAMES)} ${rng.pick(MIDDLE[gender])} ${rng.pick(GIVEN[gender])}`,
      gender,
      birthYear: rng.int(1968, 1996),
      position: rng.pick(POSITIONS[agency.group]),
      unit: agency.name,
      ratingThisYear: thisYear,
      ratingLastYear: rng.chance(0.9) ? rating(rng, q) : null,
      achievements: rng.pick(ACHIEVEMENTS),
      discipline: rng.chance(0.04) ? 'Khiển trách' : null,
      initiatives: rng.int(0, 2),
      proposedAward: thisYear === 'excellent' && rng.chance(0.6) ? 'bk-ca-nhan' : 'gk-ca-nhan',
    });
  }
  return out;
}
