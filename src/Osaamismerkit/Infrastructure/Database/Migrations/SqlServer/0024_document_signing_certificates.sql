-- Every certificate that has signed certificate PDFs (issue 19). The verify API accepts an uploaded PDF only when its
-- signer is one of these, so a certificate printed before the county's certificate was renewed still verifies. Public
-- certificates only: the private key is never stored here.
CREATE TABLE document_signing_certificates (
    thumbprint     NVARCHAR(64)   NOT NULL PRIMARY KEY,
    subject        NVARCHAR(1000) NOT NULL,
    certificate    NVARCHAR(MAX)  NOT NULL,
    not_after      DATETIMEOFFSET NOT NULL,
    first_used_at  DATETIMEOFFSET NOT NULL
);
