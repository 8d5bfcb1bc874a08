"""Quality measurements: ``corefact eval summarize | ask | faq | all``."""
