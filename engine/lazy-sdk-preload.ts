/** `node --require` entry: installs the lazy SDK dependencies before anything else loads. */
import { installLazySdkDependencies } from "./lazy-sdk";

installLazySdkDependencies();
