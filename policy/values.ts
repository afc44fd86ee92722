/**
 * The property readers of the per-resource policies, now in `paths/values.ts` with the border
 * analysis's; re-exported here until the policies import them from there.
 */
export {
  type Found,
  isTrue,
  isUnknown,
  isUnknownValueError,
  jsonDocument,
  known,
  modelPath,
  str,
  stringList,
  stringsIn,
  unknown,
  type Unknown,
  valueAt,
  valuesAt,
} from "./paths/values";
