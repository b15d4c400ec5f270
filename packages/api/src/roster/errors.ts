import { NotFoundError } from "../errors.ts";

/** NotFoundError naming the missing thing in both languages (errors.ts takes one word for both). */
export class NotFound extends NotFoundError {
  constructor(whatJa: string, whatEn: string) {
    super(whatEn);
    this.message = `対象（${whatJa}）が見つかりません。`;
  }
}
