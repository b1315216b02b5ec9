import nodemailer from 'nodemailer';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/** E-mail through an SMTP server given as smtp://user:pass@host:port (or smtps://). */
export function smtpSender(url: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(url);
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return 'the SMTP server';
    }
  })();
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from, ...message });
        return { messageId: info.messageId };
      } catch (error) {
        // Named by host only: the URL may carry a password.
        throw new Error(
          `sending e-mail through ${host} failed: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
      }
    },
    close: () => {
      transport.close();
    },
  };
}

/**
 * Without SMTP (development), e-mails are printed on standard output, so the verification link
 * of a new account can be followed from the terminal.
 */
export function consoleSender(
  write: (text: string) => void = (text) => {
    process.stdout.write(text);
  },
): EmailSender {
  let count = 0;
  return {
    send(message) {
      count++;
      write(`mail to ${message.to}: ${message.subject}\n${message.text}\n`);
      return Promise.resolve({ messageId: `console-${String(count)}` });
    },
    close: () => undefined,
  };
}
