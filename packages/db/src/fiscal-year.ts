/** 年度: the Japanese fiscal year runs April–March; 2025-03-31 is in 年度 2024. */
export function fiscalYearOf(date: Date): number {
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}
