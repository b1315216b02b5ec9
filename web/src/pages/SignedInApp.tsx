import { App } from 'antd';
import type { ReactNode } from 'react';

/**
 * Ant Design's App (the holders behind `App.useApp()` messages) around the signed-in pages only:
 * the sign-up page does not need its modal and notification code.
 */
export default function SignedInApp({ children }: { children: ReactNode }) {
  return <App>{children}</App>;
}
