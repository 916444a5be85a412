"""A clinic's webhook endpoints: the events of the patients in its care, as they consented."""
