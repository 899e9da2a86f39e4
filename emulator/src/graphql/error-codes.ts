import { isEnumType } from 'graphql';
import { getServedSchema } from './schema/served-schema.ts';

/** The values of a served error-code enum (OrderCreateUserErrorCode, ReturnErrorCode...). */
export function errorCodes(enumName: string): readonly string[] {
  const type = getServedSchema().getType(enumName);
  return isEnumType(type) ? type.getValues().map((value) => value.name) : [];
}
