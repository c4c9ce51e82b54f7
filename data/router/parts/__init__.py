"""Hand-written prompt parts, one module per task type."""
