"""Dialogs: confirmation, help, the network person and alternative forms, a short reason."""
