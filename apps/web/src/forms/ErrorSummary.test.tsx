import { render, screen } from '@testing-library/react';
import { ErrorSummary } from './ErrorSummary';

describe('ErrorSummary', () => {
  it('lists every problem as a link to its field, and the general message first', () => {
    render(
      <ErrorSummary
        form="signin"
        general="Fel e-postadress eller lösenord."
        problems={[
          { path: 'email', message: 'Ange din e-postadress.' },
          { path: 'password', message: 'Ange ditt lösenord.' },
        ]}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Rätta följande innan du fortsätter:' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ange din e-postadress.' })).toHaveAttribute('href', '#signin-email');
    expect(screen.getByRole('link', { name: 'Ange ditt lösenord.' })).toHaveAttribute('href', '#signin-password');
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Fel e-postadress eller lösenord.');
  });

  it('shows nothing when there is nothing to correct', () => {
    const { container } = render(<ErrorSummary form="signin" problems={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
