import { Button, Card, Center, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { ErrorAlert } from '../ui.tsx';

/** Sign-in with a user's name and password; the server sets an HttpOnly session cookie. */
export function SignInPage() {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: () => api('POST', '/api/session', { name, password }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate(params.get('next') ?? '/', { replace: true });
    },
  });
  const failed = signIn.error instanceof ApiError && signIn.error.status === 401;
  return (
    <Center component="main" mih="100vh" bg="gray.1">
      <Card withBorder shadow="sm" p="xl" w={380}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            signIn.mutate();
          }}
        >
          <Stack>
            <Title order={1} size="h3">
              Sign in to storebridge
            </Title>
            {signIn.error &&
              (failed ? (
                <ErrorAlert
                  title="Sign-in failed"
                  error={new Error('The name or the password is not right.')}
                />
              ) : (
                <ErrorAlert error={signIn.error} />
              ))}
            <TextInput
              label="Name"
              autoComplete="username"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
