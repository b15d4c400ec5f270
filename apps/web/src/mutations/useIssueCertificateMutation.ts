import { graphql, type ResultOf } from "../graphql.ts";
import { useOutcomeMutation } from "../lib/mutation.ts";
import { ErrorFields } from "../lib/result.ts";

const IssueCertificate = graphql(
  `
    mutation IssueCertificate($input: IssueCertificateInput!) {
      issueCertificate(input: $input) {
        __typename
        ...ErrorFields
        ... on MutationIssueCertificateSuccess {
          data {
            id
            serialNumber
            title
            pdfUrl
          }
        }
      }
    }
  `,
  [ErrorFields],
);

const pick = (d: ResultOf<typeof IssueCertificate>) => d.issueCertificate;

/** 感謝状を発行する (staff): the organisation's next serial number */
export function useIssueCertificateMutation() {
  return useOutcomeMutation(IssueCertificate, pick, { refetchQueries: ["Certificates"] });
}
