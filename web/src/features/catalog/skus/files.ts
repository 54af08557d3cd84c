import { session } from '../../../auth/sessionInstance';
import { languageHeaders } from '../../../graphql/language';

/** What `POST /uploads` answers. */
export interface Uploaded {
  id: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
}

/** The first error message of a JSON refusal of the plain-HTTP routes, if it is one. */
export async function refusalMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] };
    return body.errors?.[0]?.message ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

/** `fetch` with the session's bearer token (refreshed first when due) and the portal's language. */
async function authorized(url: string, init: RequestInit = {}): Promise<Response> {
  if (session.needsRefresh()) await session.refresh();
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${session.accessToken() ?? ''}`);
  for (const [name, value] of Object.entries(languageHeaders())) headers.set(name, value);
  return fetch(url, { ...init, headers });
}

/** Sends `file` as it is to `POST /uploads`; its upload id, or the server's reason. */
export async function uploadFile(file: File): Promise<Uploaded> {
  const response = await authorized(`/uploads?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': file.type || 'text/csv' },
    body: file,
  });
  if (!response.ok) throw new Error(await refusalMessage(response));
  return (await response.json()) as Uploaded;
}

/** Downloads `url` (a CSV the server makes for this caller) and saves it as `filename`. */
export async function downloadFile(url: string, filename: string): Promise<void> {
  const response = await authorized(url);
  if (!response.ok) throw new Error(await refusalMessage(response));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
