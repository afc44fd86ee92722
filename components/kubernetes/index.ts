export {
  egressPolicyName,
  reasonAnnotation,
  SealedNamespace,
  type SealedNamespaceArgs,
  validateSealedNamespaceArgs,
} from "./sealedNamespace";
