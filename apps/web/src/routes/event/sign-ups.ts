// A shift's places and sign-ups as the event page shows them (ShiftCard_shift spreads it), and what
// the mutations that change them answer with — adding a shift, signing up, cancelling — so the page
// follows from the answer without fetching the event again.
import { graphql } from "../../graphql.ts";

export const ShiftSignUps = graphql(`
  fragment ShiftSignUps on Shift @_unmask {
    id
    placesLeft
    confirmed {
      id
      attended
      person {
        id
        name
      }
    }
    waitlist {
      id
      person {
        id
        name
      }
    }
  }
`);
