import { mapIndexed } from '../core/indexed'

/** One button of a pair of equal weight. */
export interface Choice {
  label: string
  choose: () => void
}

/**
 * Choices of equal weight, such as Reject all and Accept all: each button also holds the other's
 * label, unseen and hidden from assistive technology, in the same grid cell as its own, so that
 * both are as wide as the wider label: side by side where both fit on one line, each on a full
 * row where they do not.
 */
export const Choices = ({ choices }: { choices: Choice[] }) => (
  <div class="choices">
    {mapIndexed(choices, ({ label, choose }, i) => (
      // The choices are fixed in number and order, and their labels may repeat: keyed by position.
      <button key={i} type="button" class="button" onClick={choose}>
        <span>{label}</span>
        {choices.length == 2 && (
          <span class="equal" aria-hidden="true">
            {choices[1 - i]!.label}
          </span>
        )}
      </button>
    ))}
  </div>
)
