export {
  SealedNamespace,
  type SealedNamespaceArgs,
  validateSealedNamespaceArgs,
} from "./sealedNamespace";
