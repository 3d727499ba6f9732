import type { CommendationRules } from '../../../shared/schema/index.ts';

/** The commendation rules of the demo campaign: the proposals of the domain brief, section (d). */
export const DEMO_COMMENDATION: CommendationRules = {
  collectives: [
    {
      id: 'bk-tap-the',
      award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "Certificate of Merit of the provincial chairman" },
      level: 'province',
      bands: ['A'],
      topN: { department: 3, district: 2, commune: 5 },
      noPenalty: true,
      consecutiveYears: 1,
      requireNomination: false,
      certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm {year}', en: 'For outstanding achievement in administrative reform in {year}' },
    },
    {
      id: 'gk-tap-the',
      award: { vi: 'Giấy khen của Giám đốc Sở Nội vụ', en: 'Certificate of Commendation of the Director of Home Affairs' },
      level: 'department',
      bands: ['A', 'B'],
      topN: { department: 10, district: 5, commune: 10 },
      noPenalty: true,
      consecutiveYears: 1,
      requireNomination: false,
      certificateWording: { vi: 'Đã có thành tích tốt trong công tác cải cách hành chính năm {year}', en: 'For good achievement in administrative reform in {year}' },
    },
  ],
  individuals: [
    {
      id: 'bk-ca-nhan',
      award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "Certificate of Merit of the provincial chairman" },
      level: 'province',
      agencyBands: ['A'],
      ratingThisYear: ['excellent'],
      ratingLastYear: ['excellent'],
      noDiscipline: true,
      minInitiatives: 0,
      capPerAgency: 2,
      certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm {year}', en: 'For outstanding achievement in administrative reform in {year}' },
    },
    {
      id: 'gk-ca-nhan',
      award: { vi: 'Giấy khen của Giám đốc Sở Nội vụ', en: 'Certificate of Commendation of the Director of Home Affairs' },
      level: 'department',
      agencyBands: ['A', 'B'],
      ratingThisYear: ['excellent', 'good'],
      noDiscipline: true,
      minInitiatives: 0,
      capPerAgency: 3,
      certificateWording: { vi: 'Đã có thành tích tốt trong công tác cải cách hành chính năm {year}', en: 'For good achievement in administrative reform in {year}' },
    },
  ],
};
