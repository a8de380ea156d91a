import { MockedProvider, type MockedResponse } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ENTERPRISE_PAGE_PROFILE, EnterprisePage } from './EnterprisePage';

function profile(extra: Record<string, unknown>) {
  return {
    __typename: 'EnterpriseProfile',
    organizationId: 'o1',
    description: 'Ett kooperativ i Trelleborg.',
    services: 'Lokalvård',
    cpvCodes: [],
    sdgs: [],
    nationwide: true,
    countyCodes: [],
    municipalityCodes: [],
    employees: 30,
    annualTurnoverSek: 9_200_000,
    maxContractSek: 2_500_000,
    legalForm: 'EKONOMISK_FORENING',
    ideburen: false,
    workIntegrating: true,
    farFromLabourMarketShare: 60,
    certifications: [],
    organization: { __typename: 'Organization', id: 'o1', name: 'Omtanken', organisationsnummer: '769483-5054', website: 'omtanken.example', verified: true },
    ...extra,
  };
}

function renderProfile(result: MockedResponse['result']) {
  return render(
    <MockedProvider mocks={[{ request: { query: ENTERPRISE_PAGE_PROFILE, variables: { organizationId: 'o1' } }, result }]}>
      <MemoryRouter initialEntries={['/foretag/o1']}>
        <Routes>
          <Route path="/foretag/:organizationId" element={<EnterprisePage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('an enterprise’s profile', () => {
  it('explains that a work-integrating enterprise with 60 % may bid on reserved contracts, with figures through Intl', async () => {
    renderProfile({ data: { enterpriseProfile: profile({}) } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Omtanken' })).toBeInTheDocument();
    expect(screen.getByText(/^Får lämna anbud på reserverade upphandlingar\..*minst 30 %.*Företaget anger 60 %\.$/)).toBeInTheDocument();
    expect(screen.getByText(/^Inte idéburen: idéburet offentligt partnerskap \(IOP\) är bara för idéburna organisationer\./)).toBeInTheDocument();
    expect(screen.getByText(/^2\s500\s000\skr$/)).toBeInTheDocument();
    expect(screen.getByText('Hela Sverige')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'omtanken.example' })).toHaveAttribute('href', 'https://omtanken.example/');
  });

  it('says when the share is below what a reserved contract requires', async () => {
    renderProfile({ data: { enterpriseProfile: profile({ farFromLabourMarketShare: 20, ideburen: true }) } });
    expect(await screen.findByText(/anger att 20 % av personalen.*kräver minst 30 %/)).toBeInTheDocument();
    expect(screen.getByText(/^Idéburen organisation: kan ingå idéburet offentligt partnerskap/)).toBeInTheDocument();
  });

  it('says clearly when there is no such enterprise', async () => {
    renderProfile({ data: { enterpriseProfile: null } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Företaget finns inte' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Till alla sociala företag' })).toHaveAttribute('href', '/foretag');
  });
});
