"""Reading published reports (HTML pages, Word files, PDF, text) into the model's data."""
