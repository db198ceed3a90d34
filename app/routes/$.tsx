import { GeneralErrorBoundary } from "~/components/error-boundary";

/** Any unknown URL: a 404 page in the user's language. */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
