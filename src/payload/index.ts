export {
  IDENTITY_KEYWORDS,
  collectIdentityFields,
  parsePayloadJson,
  serializePayload,
  deserializePayload,
  type PayloadFields,
} from './identityFields.ts';
