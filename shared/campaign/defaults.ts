import { type Campaign, type ClassificationBand, type CommendationRules, DEFAULT_ANSWER_SCALE, type TieBreakRule } from '../schema/index.ts';

/*
 * Defaults a new campaign starts from: the proposals of the domain brief, section (d). Every value
 * is configuration that Home Affairs changes per year; nothing in the engine depends on them.
 */

export const DEFAULT_BANDS: ClassificationBand[] = [
  { code: 'A', label: { vi: 'Xuất sắc', en: 'Excellent' }, minIndex: 90 },
  { code: 'B', label: { vi: 'Tốt', en: 'Good' }, minIndex: 80 },
  { code: 'C', label: { vi: 'Khá', en: 'Fair' }, minIndex: 70 },
  { code: 'D', label: { vi: 'Trung bình', en: 'Average' }, minIndex: 50 },
  { code: 'E', label: { vi: 'Yếu', en: 'Weak' }, minIndex: 0 },
];

/** Ties broken by the appraised score, then the administrative-procedure area (3), then the survey. */
export const DEFAULT_TIE_BREAKS: TieBreakRule[] = [
  { by: 'APPRAISED_SCORE' },
  { by: 'AREA_SCORE', area: '3' },
  { by: 'SURVEY_SCORE' },
];

export const DEFAULT_COMMENDATION: CommendationRules = {
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
      cumulative: false,
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
      cumulative: false,
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
      cumulative: false,
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
      cumulative: false,
      certificateWording: { vi: 'Đã có thành tích tốt trong công tác cải cách hành chính năm {year}', en: 'For good achievement in administrative reform in {year}' },
    },
  ],
};

/**
 * The rules a new campaign starts with (bands, tie-breaks, appraiser of communes, late rule,
 * survey answer scale, commendation rules, ISO 9001 figure codes of the built-in templates), and
 * no Home Affairs key yet.
 */
export function campaignRuleDefaults(): Pick<Campaign, 'bands' | 'tieBreaks' | 'communeAppraiser' | 'late' | 'surveyScale' | 'commendation' | 'isoIndicators' | 'homeAffairs'> {
  return {
    bands: DEFAULT_BANDS,
    tieBreaks: DEFAULT_TIE_BREAKS,
    communeAppraiser: 'province',
    late: { mode: 'not_ranked', penaltyPoints: 0 },
    surveyScale: { ...DEFAULT_ANSWER_SCALE },
    commendation: DEFAULT_COMMENDATION,
    isoIndicators: { built: 'KK10', announced: 'KK11', maintained: 'KK12' },
    homeAffairs: null,
  };
}
