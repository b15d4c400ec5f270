import { NotFoundError } from "../errors.ts";

/**
 * NOT_FOUND naming the record in each language (the shared NotFoundError takes one word for
 * both messages). Still a NotFoundError, so the schema reports it as one.
 */
export class RecordNotFoundError extends NotFoundError {
  constructor(ja: string, en: string) {
    super(en);
    this.message = `${ja}が見つかりません。`;
    Object.defineProperty(this, "messageEn", { value: `The ${en} was not found.` });
  }
}
