"""The six steps of the case flow, one pane each; each pane shows a CaseBundle and posts messages up."""
