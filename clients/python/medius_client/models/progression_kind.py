from enum import StrEnum


class ProgressionKind(StrEnum):
    ADD_SUPPORT = "add-support"
    DEEPER_KNEE_BEND = "deeper-knee-bend"
    HIGHER_STEP = "higher-step"
    LESS_RANGE = "less-range"
    LONGER_HOLD = "longer-hold"
    LONGER_STEPS = "longer-steps"
    MORE_RANGE = "more-range"
    MORE_REPS = "more-reps"
    NEXT_EXERCISE = "next-exercise"
    SLOWER_TEMPO = "slower-tempo"

    def __str__(self) -> str:
        return str(self.value)
