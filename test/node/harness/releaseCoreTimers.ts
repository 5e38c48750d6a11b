import { Container } from '@n8n/di';
// Not part of n8n-core's index; reached by path because only its timer matters here.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

/**
 * n8n-core starts a one-minute SSH-tunnel cleanup interval the first time a node context is built.
 * A long-running n8n wants it; a test process must be able to exit, so the timer is unref'd.
 */
export function releaseCoreTimers(): void {
	const manager = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
	manager.cleanupTimer?.unref();
}
