import { graphql } from "../graphql.ts";
import { mutationHook } from "../lib/mutation.ts";
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

/** 感謝状を発行する (staff): the organisation's next serial number */
export const useIssueCertificateMutation = mutationHook(IssueCertificate, (d) => d.issueCertificate, { refetchQueries: ["Certificates"] });
