"""E-mail for `make run`: printed readably on the console."""

from __future__ import annotations

from typing import Any

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend


class ConsoleEmailBackend(DjangoConsoleBackend):
    """Prints each message's headers and text body and names its attachments, instead of
    Django's raw MIME with base64 attachments (thousands of lines for one PDF)."""

    def write_message(self, message: Any) -> None:
        lines = [
            f"Subject: {message.subject}",
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
        ]
        if message.cc:
            lines.append(f"Cc: {', '.join(message.cc)}")
        lines += ["", message.body.rstrip()]
        for attachment in message.attachments:
            if isinstance(attachment, tuple):
                filename, content, mimetype = attachment
            else:  # a MIMEBase part
                filename = attachment.get_filename() or "attachment"
                content, mimetype = attachment.get_payload(decode=True) or b"", ""
            size = len(content) if content is not None else 0
            lines.append(f"[attachment: {filename} ({mimetype or 'unknown type'}, {size} bytes)]")
        for alternative in getattr(message, "alternatives", []):
            lines.append(f"[alternative body: {alternative[1]}]")
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
