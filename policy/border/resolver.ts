/** The resolver moved to policy/paths/resolver.ts; this module keeps the border's imports working. */
export {
  type ClusterSource,
  clusterTypes,
  kubernetesProviderType,
  type Ref,
  Resolver,
} from "../paths/resolver";
