class IngestError(ValueError):
    """Input that cannot become an article; the message is shown to the user as is."""
