/** The HTTP status a model call throws (a Response, as Remix renders it); fails if it returns. */
export function thrownStatus(call: () => unknown): number {
  try {
    call();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  throw new Error("expected a thrown Response, but the call returned");
}

export async function rejectedStatus(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  throw new Error("expected a thrown Response, but the call resolved");
}
