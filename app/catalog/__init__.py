"""The exercise catalog: the exercises, muscles and equipment drawn from the article, the pure
routine planner over them, and the catalog as this process serves it (cached per revision)."""
