import type { UserEvent } from '@testing-library/user-event';

/** Types into a field the fast way (click + paste), which antd handles like typing. */
export async function fill(user: UserEvent, element: HTMLElement, text: string) {
  await user.click(element);
  await user.paste(text);
}
