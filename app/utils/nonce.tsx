import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The CSP nonce of this response, for the scripts Remix emits. */
export function useNonce() {
  return useContext(NonceContext);
}
