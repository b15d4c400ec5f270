// The columns the CSV import reads (the API also accepts common variants of each heading, e.g.
// フリガナ, 保護者名), and the template file: the header row, UTF-8 with a BOM and CRLF for Excel.
export const IMPORT_COLUMNS = [
  { header: "氏名", key: "legalName", required: true },
  { header: "ふりがな", key: "legalNameKana", required: true },
  { header: "学年", key: "grade", required: true },
  { header: "保護者氏名", key: "guardianName", required: true },
  { header: "保護者ふりがな", key: "guardianKana", required: false },
  { header: "続柄", key: "guardianRelation", required: false },
  { header: "保護者電話番号", key: "guardianPhone", required: false },
  { header: "保護者メールアドレス", key: "guardianEmail", required: false },
  { header: "活動同意", key: "activityConsent", required: false },
  { header: "写真同意", key: "photoConsent", required: false },
  { header: "同意日", key: "consentGivenOn", required: false },
  { header: "同意者", key: "consentGivenBy", required: false },
] as const;

export const TEMPLATE_FILENAME = "子ども福祉委員_取り込み用.csv";

export function templateCsv(): string {
  return `\uFEFF${IMPORT_COLUMNS.map((c) => c.header).join(",")}\r\n`;
}

/** a file's bytes → base64 (the API detects UTF-8 or Shift_JIS from the bytes) */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
